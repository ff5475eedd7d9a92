package dev.istiolint.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteMatchesTest {

  @Test
  void withoutKeyDropsOneTopLevelConditionOnly() {
    String c = "{method={exact=\"GET\";};uri={prefix=\"/a;b\";};}";
    assertThat(RouteMatches.withoutKey(c, "uri")).isEqualTo("{method={exact=\"GET\";};}");
    assertThat(RouteMatches.withoutKey(c, "method")).isEqualTo("{uri={prefix=\"/a;b\";};}");
    assertThat(RouteMatches.withoutKey("{uri={prefix=\"/\";};}", "uri")).isEqualTo("{}");
  }
}
