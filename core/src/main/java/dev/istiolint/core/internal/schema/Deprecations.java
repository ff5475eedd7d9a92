package dev.istiolint.core.internal.schema;

import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fields and APIs deprecated or removed in some Istio release, with their replacement. Each finding carries the
 * versions it applies to; the run keeps it once the Istio version is known. Removed fields are also accepted by the
 * schema check, so a 1.0-era manifest is not flagged as unknown.
 */
final class Deprecations {

  /**
   * One table row: kinds ({@code *} for any), a pattern over the pointer with indices as {@code *}, the advice, and
   * the names the pattern can end with (only members with one of these names are matched against it).
   */
  private record Entry(
      Set<String> kinds, Pattern path, IstioVersion since, boolean removed, String message, Set<String> names) {
    boolean appliesTo(String kind) {
      return kinds.contains("*") || kinds.contains(kind);
    }

    boolean matches(String kind, String normalized) {
      return appliesTo(kind) && path.matcher(normalized).matches();
    }
  }

  private static final Set<String> ROUTE_KINDS = Set.of("VirtualService");
  private static final Set<String> DR = Set.of("DestinationRule");
  private static final Set<String> TARGET_REF_KINDS =
      Set.of("AuthorizationPolicy", "RequestAuthentication", "Telemetry", "WasmPlugin");

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              DR,
              Pattern.compile(".*/outlierDetection/consecutiveErrors"),
              v(1, 5),
              false,
              "`consecutiveErrors` is deprecated since Istio 1.5 and no longer used; use `consecutive5xxErrors`"
                  + " (5xx responses) or `consecutiveGatewayErrors` (502, 503 and 504 only)",
              Set.of("consecutiveErrors")),
          new Entry(
              DR,
              Pattern.compile(".*/consistentHash/minimumRingSize"),
              v(1, 20),
              false,
              "`consistentHash.minimumRingSize` is deprecated; use `consistentHash.ringHash.minimumRingSize`",
              Set.of("minimumRingSize")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/mirror_percent"),
              v(1, 5),
              false,
              "`mirror_percent` is deprecated; use `mirrorPercentage` (value 0.0-100.0)",
              Set.of("mirror_percent")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/mirrorPercent"),
              v(1, 5),
              false,
              "`mirrorPercent` is deprecated; use `mirrorPercentage` (value 0.0-100.0)",
              Set.of("mirrorPercent")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/corsPolicy/allowOrigin"),
              v(1, 6),
              false,
              "`corsPolicy.allowOrigin` is deprecated since Istio 1.6; use `allowOrigins` with exact, prefix or regex",
              Set.of("allowOrigin")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/fault/(delay|abort)/percent"),
              v(1, 1),
              true,
              "`percent` in a fault is deprecated since Istio 1.1 and later removed; use `percentage.value`",
              Set.of("percent")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/(appendHeaders|appendRequestHeaders)"),
              v(1, 1),
              true,
              "this field is deprecated since Istio 1.1 and later removed; use `headers.request.set` or"
                  + " `headers.request.add`",
              Set.of("appendHeaders", "appendRequestHeaders")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/appendResponseHeaders"),
              v(1, 1),
              true,
              "`appendResponseHeaders` is deprecated since Istio 1.1 and later removed; use `headers.response.add`",
              Set.of("appendResponseHeaders")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/removeRequestHeaders"),
              v(1, 1),
              true,
              "`removeRequestHeaders` is deprecated since Istio 1.1 and later removed; use `headers.request.remove`",
              Set.of("removeRequestHeaders")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/removeResponseHeaders"),
              v(1, 1),
              true,
              "`removeResponseHeaders` is deprecated since Istio 1.1 and later removed; use `headers.response.remove`",
              Set.of("removeResponseHeaders")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/http/\\*/websocketUpgrade"),
              v(1, 1),
              true,
              "`websocketUpgrade` is deprecated since Istio 1.1 and later removed; WebSocket upgrades work without it",
              Set.of("websocketUpgrade")),
          new Entry(
              ROUTE_KINDS,
              Pattern.compile("/spec/(http|tcp|tls)/\\*/(route/\\*/destination|mirror)/port/name"),
              v(1, 1),
              true,
              "a destination port selected by `name` is no longer supported; use `port.number`",
              Set.of("name")),
          new Entry(
              Set.of("EnvoyFilter"),
              Pattern.compile("/spec/workloadLabels"),
              v(1, 3),
              true,
              "`workloadLabels` is deprecated since Istio 1.3 and later removed; use `workloadSelector.labels`",
              Set.of("workloadLabels")),
          new Entry(
              Set.of("EnvoyFilter"),
              Pattern.compile("/spec/filters"),
              v(1, 3),
              true,
              "`filters` is deprecated since Istio 1.3 and later removed; rewrite them as `configPatches`",
              Set.of("filters")),
          new Entry(
              TARGET_REF_KINDS,
              Pattern.compile("/spec/targetRef"),
              v(1, 22),
              false,
              "`targetRef` is deprecated since Istio 1.22; use `targetRefs` (a list)",
              Set.of("targetRef")),
          new Entry(
              Set.of("Policy", "MeshPolicy"),
              Pattern.compile("/apiVersion"),
              v(1, 5),
              false,
              "authentication.istio.io/v1alpha1 is deprecated since Istio 1.5 and removed in 1.6; use"
                  + " security.istio.io PeerAuthentication for mTLS and RequestAuthentication for JWT",
              Set.of("apiVersion")));

  private static final Pattern INDEX = Pattern.compile("/[0-9]+(?=/|$)");

  private Deprecations() {}

  private static IstioVersion v(int major, int minor) {
    return new IstioVersion(major, minor);
  }

  private static String normalize(String pointer) {
    return INDEX.matcher(pointer).replaceAll("/*");
  }

  /** True for a field that later Istio versions removed from the schema but earlier ones accepted. */
  static boolean isRemovedField(String kind, String pointer) {
    String n = normalize(pointer);
    return ENTRIES.stream().anyMatch(e -> e.removed() && e.matches(kind, n));
  }

  /** The member names that can be deprecated in a document of {@code kind}: the converter collects these. */
  static Set<String> fieldNames(String kind) {
    Set<String> names = new HashSet<>();
    for (Entry e : ENTRIES) {
      if (e.appliesTo(kind)) {
        names.addAll(e.names());
      }
    }
    return names;
  }

  /**
   * Reports each deprecated field the document sets, for the versions where it is deprecated. Looks at the members
   * the converter collected for {@link #fieldNames}.
   */
  static void check(String kind, TreeConverter.Converted c, DocumentFindings out) {
    for (TreeConverter.Member m : c.watched()) {
      for (Entry e : ENTRIES) {
        if (e.names().contains(m.name()) && e.matches(kind, m.normalized())) {
          out.reportVersioned(
              CoreRules.SCHEMA_DEPRECATED_FIELD,
              m.pointer(),
              true,
              e.message(),
              Optional.of(e.since()),
              Optional.empty());
        }
      }
    }
  }
}
