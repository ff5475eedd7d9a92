package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "1s, 1000000000",
    "100ms, 100000000",
    "1.5s, 1500000000",
    "3m, 180000000000",
    "1h30m, 5400000000000",
    "500us, 500000",
    ".5s, 500000000",
    "0s, 0"
  })
  void readsIstioDurations(String text, String nanos) {
    assertThat(Durations.nanos(text)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(new BigDecimal(nanos)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10 seconds", "1", "s", "1x", "1s 2s", ""})
  void rejectsOtherText(String text) {
    assertThat(Durations.nanos(text)).isEmpty();
  }
}
