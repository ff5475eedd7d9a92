package dev.istiolint.core.internal.schema;

import dev.istiolint.core.rule.CoreRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Durations that Istio's CRDs require to be at least 1ms (timeouts, intervals, keepalives). The schema already
 * checks the form ({@code 1s}, {@code 100ms}, {@code 1h30m}); this checks the size.
 */
final class Durations {

  private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]*)(ns|us|µs|ms|s|m|h)");
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

  /** The length of a duration such as {@code 1h30m} or {@code 1.5s} in nanoseconds, if it has that form. */
  static Optional<BigDecimal> nanos(String text) {
    if (text.length() > MAX_CHARS) {
      return Optional.empty(); // no real duration is this long, and parsing millions of digits takes minutes
    }
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
            case "ms" -> BigDecimal.valueOf(NANOS_PER_MS);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            default -> BigDecimal.valueOf(3_600_000_000_000L);
          };
      total = total.add(new BigDecimal(m.group(1)).multiply(unit));
      end = m.end();
    }
    return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
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
      String pointer = m.pointer();
      if (patterns.stream().noneMatch(p -> p.matcher(m.normalized()).matches())) {
        continue;
      }
      JsonNode value = m.value();
      if (!value.isString()) {
        continue;
      }
      nanos(value.stringValue())
          .filter(n -> n.compareTo(BigDecimal.valueOf(NANOS_PER_MS)) < 0)
          .ifPresent(
              n ->
                  out.report(
                      CoreRules.SCHEMA_INVALID_VALUE,
                      pointer,
                      false,
                      "`"
                          + ValueText.cut(value.stringValue())
                          + "` is too short for `"
                          + JsonPointers.display(pointer)
                          + "`; Istio requires at least 1ms"));
    }
  }
}
