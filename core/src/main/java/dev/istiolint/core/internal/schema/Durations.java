package dev.istiolint.core.internal.schema;

import dev.istiolint.core.rule.CoreRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Durations that Istio's CRDs require to be at least 1ms (timeouts, intervals, keepalives). The schema already
 * checks the form ({@code 1s}, {@code 100ms}, {@code 1h30m}); this checks the size.
 */
final class Durations {

  private static final long NANOS_PER_MS = 1_000_000L;
  private static final int MAX_CHARS = 100;

  /** Where a duration must be at least 1ms, as patterns over pointers with list indices written {@code *}. */
  private static final Map<String, List<Pattern>> AT_LEAST_1MS =
      Map.of(
          "DestinationRule", trafficPolicy(),
          "Sidecar", List.of(connectionPool()),
          "VirtualService",
              List.of(
                  Pattern.compile(
                      "/spec/http/\\*/(timeout|retries/(perTryTimeout|backoff)|corsPolicy/maxAge"
                          + "|fault/delay/(fixedDelay|exponentialDelay))")),
          "RequestAuthentication", List.of(Pattern.compile("/spec/jwtRules/\\*/timeout")),
          "Telemetry", List.of(Pattern.compile("/spec/metrics/\\*/reportingInterval")));

  /** Every name the patterns above end with. */
  private static final Set<String> FIELD_NAMES =
      Set.of(
          "idleTimeout",
          "interval",
          "timeout",
          "connectTimeout",
          "maxConnectionDuration",
          "time",
          "baseEjectionTime",
          "warmupDurationSecs",
          "duration",
          "perTryTimeout",
          "backoff",
          "maxAge",
          "fixedDelay",
          "exponentialDelay",
          "reportingInterval");

  private Durations() {}

  private static Pattern connectionPool() {
    return Pattern.compile(
        ".*/(connectionPool|inboundConnectionPool)/(http/(idleTimeout|http2KeepAlive/(interval|timeout))"
            + "|tcp/(connectTimeout|maxConnectionDuration|tcpKeepalive/(interval|time)))");
  }

  private static List<Pattern> trafficPolicy() {
    return List.of(
        connectionPool(),
        Pattern.compile(".*/outlierDetection/(interval|baseEjectionTime)"),
        Pattern.compile(".*/loadBalancer/(warmupDurationSecs|warmup/duration)"));
  }

  /**
   * The length of a duration such as {@code 1h30m} or {@code 1.5s} in nanoseconds, if it has that form: one or more
   * parts, each a number ({@code [0-9]*\\.?[0-9]*}, not empty and not a lone dot) and a unit (ns, us, µs, ms, s, m,
   * h).
   */
  static Optional<BigDecimal> nanos(String text) {
    if (text.length() > MAX_CHARS) {
      return Optional.empty(); // no real duration is this long, and parsing millions of digits takes minutes
    }
    int n = text.length();
    int at = 0;
    BigDecimal total = BigDecimal.ZERO;
    while (at < n) {
      int end = digits(text, at);
      if (end < n && text.charAt(end) == '.') {
        end = digits(text, end + 1);
      }
      int unitLength = 0;
      BigDecimal unit = null;
      if (end + 1 < n) {
        char c = text.charAt(end);
        if (text.charAt(end + 1) == 's' && (c == 'n' || c == 'u' || c == '\u00b5' || c == 'm')) {
          unitLength = 2;
          unit = c == 'n' ? BigDecimal.ONE : c == 'm' ? BigDecimal.valueOf(NANOS_PER_MS) : BigDecimal.valueOf(1_000L);
        }
      }
      if (unit == null && end < n) {
        switch (text.charAt(end)) {
          case 's' -> unit = BigDecimal.valueOf(1_000_000_000L);
          case 'm' -> unit = BigDecimal.valueOf(60_000_000_000L);
          case 'h' -> unit = BigDecimal.valueOf(3_600_000_000_000L);
          default -> {
            return Optional.empty();
          }
        }
        unitLength = 1;
      }
      if (unit == null || end == at || (end == at + 1 && text.charAt(at) == '.')) {
        return Optional.empty();
      }
      total = total.add(new BigDecimal(text.substring(at, end)).multiply(unit));
      at = end + unitLength;
    }
    return at > 0 ? Optional.of(total) : Optional.empty();
  }

  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** The member names that can hold such a duration in a document of {@code kind}: the converter collects these. */
  static Set<String> fieldNames(String kind) {
    return AT_LEAST_1MS.containsKey(kind) ? FIELD_NAMES : Set.of();
  }

  /** Reports durations shorter than 1ms, among the members the converter collected for {@link #fieldNames}. */
  static void check(String kind, TreeConverter.Converted c, DocumentFindings out) {
    List<Pattern> patterns = AT_LEAST_1MS.get(kind);
    if (patterns == null) {
      return;
    }
    for (TreeConverter.Member m : c.watched()) {
      // the value first: most durations are long enough, and then the patterns need not be matched
      JsonNode value = m.value();
      if (!value.isString() || !FIELD_NAMES.contains(m.name())) {
        continue;
      }
      boolean tooShort =
          nanos(value.stringValue()).filter(n -> n.compareTo(BigDecimal.valueOf(NANOS_PER_MS)) < 0).isPresent();
      if (!tooShort || patterns.stream().noneMatch(p -> p.matcher(m.normalized()).matches())) {
        continue;
      }
      String pointer = m.pointer();
      out.report(
          CoreRules.SCHEMA_INVALID_VALUE,
          pointer,
          false,
          "`"
              + ValueText.cut(value.stringValue())
              + "` is too short for `"
              + JsonPointers.display(pointer)
              + "`; Istio requires at least 1ms");
    }
  }
}
