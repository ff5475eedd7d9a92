package dev.istiolint.core.internal.schema;

import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Checks {@code apiVersion} and {@code kind} of documents in an Istio API group: a misspelled kind, a version the
 * group does not serve, and a version that the selected Istio release does not serve yet.
 */
final class ApiVersions {

  private static final Set<String> ISTIO_GROUPS =
      Set.of(
          "networking.istio.io",
          "security.istio.io",
          "telemetry.istio.io",
          "extensions.istio.io",
          "authentication.istio.io");

  /** API versions that newer Istio releases introduced: served from the given release on. */
  private static final Map<String, IstioVersion> SERVED_SINCE =
      Map.of(
          "networking.istio.io/v1beta1", new IstioVersion(1, 5),
          "security.istio.io/v1beta1", new IstioVersion(1, 4),
          "networking.istio.io/v1", new IstioVersion(1, 22),
          "security.istio.io/v1", new IstioVersion(1, 22),
          "telemetry.istio.io/v1", new IstioVersion(1, 22));

  private ApiVersions() {}

  /** True for an {@code apiVersion} in one of Istio's API groups. */
  static boolean isIstioGroup(String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    return slash > 0 && ISTIO_GROUPS.contains(apiVersion.substring(0, slash));
  }

  /**
   * Reports problems with the type of a document in an Istio group; returns true when the type is unknown, so that
   * the document is not validated further.
   */
  static boolean check(String apiVersion, String kind, DocumentFindings out) {
    int slash = apiVersion.lastIndexOf('/');
    if (slash <= 0) {
      return SchemaCatalog.schemaFor(apiVersion, kind).isEmpty();
    }
    String group = apiVersion.substring(0, slash);
    if (!ISTIO_GROUPS.contains(group)) {
      return SchemaCatalog.schemaFor(apiVersion, kind).isEmpty();
    }
    SortedMap<String, SortedSet<String>> kinds = SchemaCatalog.kindsOfGroup(group);
    if (!kinds.containsKey(kind)) {
      Optional<String> suggestion = Spelling.closest(kind, kinds.keySet());
      out.report(
          CoreRules.SCHEMA_INVALID_ENUM,
          "/kind",
          false,
          "`"
              + ValueText.cut(kind)
              + "` is not a kind of "
              + group
              + suggestion.map(s -> "; did you mean `" + s + "`?").orElse("")
              + " Kinds: "
              + String.join(", ", kinds.keySet()));
      return true;
    }
    SortedSet<String> versions = kinds.get(kind);
    if (!versions.contains(apiVersion.substring(slash + 1))) {
      out.report(
          CoreRules.SCHEMA_INVALID_VALUE,
          "/apiVersion",
          false,
          group
              + " does not serve "
              + kind
              + " in version `"
              + ValueText.cut(apiVersion.substring(slash + 1))
              + "`; use one of "
              + String.join(", ", versions));
      return true;
    }
    IstioVersion since = SERVED_SINCE.get(apiVersion);
    if (since != null) {
      out.reportVersioned(
          CoreRules.SCHEMA_INVALID_VALUE,
          "/apiVersion",
          false,
          apiVersion + " is served from Istio " + since + " on; older releases need " + older(apiVersion),
          Optional.empty(),
          Optional.of(since));
    }
    return false;
  }

  private static String older(String apiVersion) {
    if (apiVersion.startsWith("networking.istio.io/")) {
      return apiVersion.endsWith("/v1") ? "v1beta1 (1.5 on) or v1alpha3" : "v1alpha3";
    }
    if (apiVersion.startsWith("security.istio.io/")) {
      return apiVersion.endsWith("/v1")
          ? "v1beta1 (1.4 on) or authentication.istio.io/v1alpha1"
          : "authentication.istio.io/v1alpha1";
    }
    return "v1alpha1";
  }
}
