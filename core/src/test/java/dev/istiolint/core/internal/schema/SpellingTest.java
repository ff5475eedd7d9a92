package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

  @Test
  void suggestsTheClosestKnownWord() {
    assertThat(Spelling.closest("lables", List.of("name", "labels", "annotations"))).hasValue("labels");
    assertThat(Spelling.closest("ISTIO_MUTAL", List.of("DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL")))
        .hasValue("ISTIO_MUTUAL");
    assertThat(Spelling.closest("strict", List.of("UNSET", "STRICT"))).hasValue("STRICT");
    assertThat(Spelling.closest("tpc", List.of("tcp", "http"))).hasValue("tcp");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Spelling.closest("frobnicate", List.of("host", "subsets", "trafficPolicy"))).isEmpty();
  }

  @Test
  void valuesAreCutAndControlCharactersEscaped() {
    assertThat(ValueText.cut("a\tb\u0001")).isEqualTo("a\\tb\\u0001");
    assertThat(ValueText.cut("x".repeat(100))).hasSize(81).endsWith("…");
  }
}
