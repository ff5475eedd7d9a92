package dev.istiolint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextReporterTest {

  @Test
  void cleanEscapesControlAndBidiCharacters() {
    assertThat(TextReporter.clean("a\u202eb\u2066c\td\u001b[31m", 100)).isEqualTo("a\\u202eb\\u2066c\\td\\u001b[31m");
    assertThat(TextReporter.clean("x\ud800", 100)).isEqualTo("x\\ud800");
    assertThat(TextReporter.clean("caf\u00e9 \ud83d\ude00", 100)).isEqualTo("caf\u00e9 \ud83d\ude00");
  }

  @Test
  void cleanCutsLongTextByCodePoints() {
    assertThat(TextReporter.clean("abcdef", 3)).isEqualTo("abc...");
    assertThat(TextReporter.clean("\ud83d\ude00\ud83d\ude00", 1)).isEqualTo("\ud83d\ude00...");
  }
}
