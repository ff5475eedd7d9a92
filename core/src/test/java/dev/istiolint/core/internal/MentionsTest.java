package dev.istiolint.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The skip search for inline suppression comments finds exactly what a plain byte-by-byte search finds. */
class MentionsTest {

  private static final byte[] MARKER = "istio-lint:".getBytes(StandardCharsets.US_ASCII);

  @Test
  void findsTheMarkerWhereverItIs() {
    assertThat(LintRun.mentions(bytes("istio-lint:"), MARKER)).isTrue();
    assertThat(LintRun.mentions(bytes("a: b # istio-lint: disable=TLS001\n"), MARKER)).isTrue();
    assertThat(LintRun.mentions(bytes("x\n# istio-lint:"), MARKER)).isTrue();
    assertThat(LintRun.mentions(bytes("istio-lint"), MARKER)).isFalse();
    assertThat(LintRun.mentions(bytes("istio-lin:t istio_lint: istiolint:"), MARKER)).isFalse();
    assertThat(LintRun.mentions(bytes(""), MARKER)).isFalse();
    assertThat(LintRun.mentions(bytes("iistio-lint:"), MARKER)).isTrue();
    assertThat(LintRun.mentions(bytes("istio-listio-lint:"), MARKER)).isTrue();
  }

  @Test
  void agreesWithAPlainSearchOnRandomTexts() {
    Random random = new Random(7);
    byte[] alphabet = "istio-lnt: #\n\u00e9".getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < 50_000; n++) {
      byte[] text = new byte[random.nextInt(40)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      if (random.nextInt(4) == 0 && text.length >= MARKER.length) {
        System.arraycopy(MARKER, 0, text, random.nextInt(text.length - MARKER.length + 1), MARKER.length);
      }
      assertThat(LintRun.mentions(text, MARKER)).as(new String(text, StandardCharsets.UTF_8)).isEqualTo(plain(text));
    }
  }

  private static boolean plain(byte[] text) {
    return new String(text, StandardCharsets.ISO_8859_1).contains("istio-lint:");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
