package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DurationsScannerTest {

  // the regular expression Durations.nanos used before its scanner
  private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]*)(ns|us|µs|ms|s|m|h)");

  @Test
  void theScannerReadsDurationsLikeTheRegularExpressionOnRandomInputs() {
    Random r = new Random(8);
    String[] pieces = {"0", "1", "5", "12", ".", "ns", "us", "µs", "ms", "s", "m", "h", "n", "u", "µ", "x", " ", "-"};
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(7);
      for (int i = 0; i < len; i++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String v = b.toString();
      Optional<BigDecimal> now = Durations.nanos(v);
      Optional<BigDecimal> before = regexNanos(v);
      assertThat(now.isPresent()).as(v).isEqualTo(before.isPresent());
      before.ifPresent(x -> assertThat(now.get()).as(v).isEqualByComparingTo(x));
    }
  }

  private static Optional<BigDecimal> regexNanos(String text) {
    Matcher m = PART.matcher(text);
    int end = 0;
    BigDecimal total = BigDecimal.ZERO;
    while (m.find() && m.start() == end) {
      if (m.group(1).isEmpty() || m.group(1).equals(".")) {
        return Optional.empty();
      }
      BigDecimal unit =
          switch (m.group(2)) {
            case "ns" -> BigDecimal.ONE;
            case "us", "µs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            default -> BigDecimal.valueOf(3_600_000_000_000L);
          };
      total = total.add(new BigDecimal(m.group(1)).multiply(unit));
      end = m.end();
    }
    return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
  }
}
