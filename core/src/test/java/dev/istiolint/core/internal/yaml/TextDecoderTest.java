package dev.istiolint.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ASCII fast path of {@link TextDecoder} against the general path it stands in for. */
class TextDecoderTest {

  private static final String[] PIECES = {
    "---", "...", "--- ", "...\t", "---x", "..", "-", ".", "#", " #", "\t#", "{", "{{", "{ {", "a", "key: value", " ",
    "\t", "\n", "\n", "\n", "\n", "x#{{", "# {{", "'{{'", "\"{{ .Values }}\"", "~", "\u00e9", "\r", "\u0001", "\u007f"
  };

  @Test
  void theFastPathFindsWhatTheGeneralPathFinds() {
    Random random = new Random(7);
    int fast = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = random.nextInt(30);
      for (int p = 0; p < parts; p++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      DecodedText general = TextDecoder.utf8("f.yaml", bytes);
      DecodedText quick = TextDecoder.ascii(bytes);
      if (quick == null) {
        continue;
      }
      fast++;
      String input = sb.toString();
      assertThat(quick.text()).as(input).isEqualTo(general.text());
      assertThat(quick.restartLines()).as(input).containsExactly(general.restartLines());
      assertThat(quick.restartOffsets()).as(input).containsExactly(general.restartOffsets());
      assertThat(quick.templateLine()).as(input).isEqualTo(general.templateLine());
      assertThat(quick.templateColumn()).as(input).isEqualTo(general.templateColumn());
      assertThat(general.problems()).as(input).isEmpty();
      assertThat(general.refused()).isFalse();
    }
    assertThat(fast).isGreaterThan(10_000);
  }

  @Test
  void anythingButPrintableAsciiTabsAndLineFeedsTakesTheGeneralPath() {
    for (String s : new String[] {"a\r\nb", "caf\u00e9", "a\u0000b", "a\u007fb", "\ufeffa: 1", "a\u000bb"}) {
      assertThat(TextDecoder.ascii(s.getBytes(StandardCharsets.UTF_8))).as(s).isNull();
    }
    assertThat(TextDecoder.ascii("a: 1\n\tb: 2\n".getBytes(StandardCharsets.UTF_8))).isNotNull();
  }
}
