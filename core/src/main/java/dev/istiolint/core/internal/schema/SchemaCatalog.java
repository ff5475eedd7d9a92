package dev.istiolint.core.internal.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which schema checks which {@code apiVersion} and {@code kind}: every Istio kind in every served version, the legacy
 * {@code authentication.istio.io/v1alpha1} kinds, and the Kubernetes kinds istio-lint reads. Other kinds are not
 * validated.
 */
final class SchemaCatalog {

  /** The base every schema identifier starts with; it never resolves on a network (RFC 2606 {@code .invalid}). */
  static final String BASE = "https://schemas.istio-lint.invalid/";

  private static final Map<String, String> BY_TYPE = new HashMap<>();

  static {
    List<String> networking3 = List.of("v1alpha3", "v1beta1", "v1");
    List<String> networkingKinds =
        List.of(
            "DestinationRule",
            "VirtualService",
            "Gateway",
            "ServiceEntry",
            "Sidecar",
            "WorkloadEntry",
            "WorkloadGroup");
    for (String kind : networkingKinds) {
      for (String v : networking3) {
        put("networking.istio.io/" + v, kind, "networking.json");
      }
    }
    put("networking.istio.io/v1alpha3", "EnvoyFilter", "networking.json");
    put("networking.istio.io/v1beta1", "ProxyConfig", "networking.json");
    for (String kind : List.of("AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication")) {
      put("security.istio.io/v1beta1", kind, "security.json");
      put("security.istio.io/v1", kind, "security.json");
    }
    put("telemetry.istio.io/v1alpha1", "Telemetry", "telemetry.json");
    put("telemetry.istio.io/v1", "Telemetry", "telemetry.json");
    put("extensions.istio.io/v1alpha1", "WasmPlugin", "extensions.json");
    put("extensions.istio.io/v1alpha1", "TrafficExtension", "extensions.json");
    put("authentication.istio.io/v1alpha1", "Policy", "authentication-v1alpha1.json");
    put("authentication.istio.io/v1alpha1", "MeshPolicy", "authentication-v1alpha1.json");
    for (String kind : List.of("Service", "Namespace", "ConfigMap", "Pod")) {
      put("v1", kind, "kubernetes.json");
    }
    for (String v : List.of("apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1")) {
      for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")) {
        put(v, kind, "kubernetes.json");
      }
    }
    put("batch/v1", "Job", "kubernetes.json");
    put("batch/v1", "CronJob", "kubernetes.json");
    put("batch/v1beta1", "CronJob", "kubernetes.json");
  }

  private SchemaCatalog() {}

  private static void put(String apiVersion, String kind, String file) {
    BY_TYPE.put(apiVersion + " " + kind, BASE + file + "#/$defs/" + kind);
  }

  /** The schema location for this type, if istio-lint validates it. */
  static Optional<String> schemaFor(String apiVersion, String kind) {
    return Optional.ofNullable(BY_TYPE.get(apiVersion + " " + kind));
  }

  private static final Map<String, java.util.SortedMap<String, java.util.SortedSet<String>>> KINDS_OF_GROUP =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The kinds the catalogue knows in an API group, with the versions that serve each, in sorted order. Unmodifiable;
   * computed once per group.
   */
  static java.util.SortedMap<String, java.util.SortedSet<String>> kindsOfGroup(String group) {
    return KINDS_OF_GROUP.computeIfAbsent(group, SchemaCatalog::collectKindsOfGroup);
  }

  private static java.util.SortedMap<String, java.util.SortedSet<String>> collectKindsOfGroup(String group) {
    java.util.SortedMap<String, java.util.SortedSet<String>> out = new java.util.TreeMap<>();
    for (String key : BY_TYPE.keySet()) {
      String apiVersion = key.substring(0, key.indexOf(' '));
      int slash = apiVersion.lastIndexOf('/');
      if (slash > 0 && apiVersion.substring(0, slash).equals(group)) {
        out.computeIfAbsent(key.substring(key.indexOf(' ') + 1), k -> new java.util.TreeSet<>())
            .add(apiVersion.substring(slash + 1));
      }
    }
    out.replaceAll((kind, versions) -> java.util.Collections.unmodifiableSortedSet(versions));
    return java.util.Collections.unmodifiableSortedMap(out);
  }

  /** Every validated {@code apiVersion kind} pair, for tests. */
  static Map<String, String> all() {
    return Map.copyOf(BY_TYPE);
  }
}
