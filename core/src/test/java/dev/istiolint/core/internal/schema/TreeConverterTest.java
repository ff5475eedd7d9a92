package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.internal.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TreeConverterTest {

  private static TreeConverter.Converted convert(String yaml) {
    return TreeConverter.convert(
        new YamlLoader().load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).documents().get(0).root());
  }

  @Test
  void plainScalarsResolveByTheYaml12CoreSchemaAndQuotedOnesStayStrings() {
    JsonNode n =
        convert("i: 42\nf: 1.5\nb: true\ny: yes\nq: \"42\"\nh: 0x1F\no: 0o17\nbig: 4294967296\ns: 1_000\n").root();
    assertThat(n.get("i").isInt()).isTrue();
    assertThat(n.get("f").isDouble()).isTrue();
    assertThat(n.get("b").isBoolean()).isTrue();
    assertThat(n.get("y").isString()).isTrue();
    assertThat(n.get("q").isString()).isTrue();
    assertThat(n.get("h").asInt()).isEqualTo(31);
    assertThat(n.get("o").asInt()).isEqualTo(15);
    assertThat(n.get("big").asLong()).isEqualTo(4294967296L);
    assertThat(n.get("s").isString()).isTrue();
  }

  @Test
  void indexesKeyAndValueSpansByJsonPointer() {
    TreeConverter.Converted c = convert("spec:\n  hosts:\n  - a\n  - b/c\n  x~y: 1\n");
    NodeLocation second = c.index().get("/spec/hosts/1");
    assertThat(second.key()).isEmpty();
    assertThat(second.value().startLine()).isEqualTo(4);
    assertThat(second.value().startColumn()).isEqualTo(5);
    NodeLocation hosts = c.index().get("/spec/hosts");
    assertThat(hosts.key().orElseThrow().startLine()).isEqualTo(2);
    assertThat(hosts.key().orElseThrow().startColumn()).isEqualTo(3);
    assertThat(c.index()).containsKey("/spec/x~0y");
  }

  @Test
  void nullMembersArePrunedAndNonFiniteNumbersRemembered() {
    TreeConverter.Converted c = convert("a:\nb: ~\nc: .inf\nd: [-.Inf, .nan]\n");
    assertThat(c.root().has("a")).isFalse();
    assertThat(c.root().has("b")).isFalse();
    assertThat(c.nonFinite()).containsExactlyInAnyOrder("/c", "/d/0", "/d/1");
  }

  @Test
  void mergeKeysApplyWithExplicitEntriesWinning() {
    JsonNode n = convert("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n").root();
    assertThat(n.get("use").get("x").asInt()).isEqualTo(1);
    assertThat(n.get("use").get("y").asInt()).isEqualTo(3);
    assertThat(n.get("use").has("<<")).isFalse();
  }
}
