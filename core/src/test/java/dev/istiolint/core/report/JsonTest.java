package dev.istiolint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void escapesControlCharactersLoneSurrogatesAndLineSeparators() {
    assertThat(Json.quote("a\"b\\c\n\t\u0001\u007f\u2028")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\\u2028\"");
    assertThat(Json.quote("x\ud800y\udc00")).isEqualTo("\"x\\ud800y\\udc00\"");
    assertThat(Json.quote("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
    String out = Json.quote("\ud800");
    assertThat(new String(out.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(out);
  }

  @Test
  void writesIndentedJsonInInsertionOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of());
    m.put("n", null);
    m.put("l", List.of(true, "x"));
    assertThat(Json.write(m)).isEqualTo("{\n  \"b\": 1,\n  \"a\": [],\n  \"n\": null,\n  \"l\": [\n    true,\n    \"x\"\n  ]\n}\n");
  }
}
