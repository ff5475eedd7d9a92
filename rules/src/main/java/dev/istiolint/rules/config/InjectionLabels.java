package dev.istiolint.rules.config;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.ConfigMap;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Namespace;
import java.util.Optional;
import java.util.Set;

/** The namespace labels that decide sidecar injection and ambient mode, and the injector's namespace default. */
final class InjectionLabels {

  static final String INJECTION = "istio-injection";
  static final String REVISION = "istio.io/rev";
  static final String DATAPLANE_MODE = "istio.io/dataplane-mode";

  /** Namespaces Istio never injects and istioctl never reports. */
  static final Set<String> SYSTEM_NAMESPACES =
      Set.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage", "istio-system");

  private InjectionLabels() {}

  static Optional<Located<String>> injection(Namespace ns) {
    return Optional.ofNullable(ns.metadata().labels().get(INJECTION));
  }

  static Optional<Located<String>> revision(Namespace ns) {
    return Optional.ofNullable(ns.metadata().labels().get(REVISION));
  }

  static Optional<Located<String>> ambient(Namespace ns) {
    return Optional.ofNullable(ns.metadata().labels().get(DATAPLANE_MODE)).filter(l -> l.value().equals("ambient"));
  }

  /** True when the namespace says anything about injection or ambient mode. */
  static boolean labelled(Namespace ns) {
    return injection(ns).isPresent() || revision(ns).isPresent() || ambient(ns).isPresent();
  }

  /** True when the namespace asks for sidecar injection. */
  static boolean injectionEnabled(Namespace ns) {
    return injection(ns).filter(l -> l.value().equals("enabled")).isPresent() || revision(ns).isPresent();
  }

  /**
   * True when an {@code istio-sidecar-injector} ConfigMap sets {@code sidecarInjectorWebhook.enableNamespacesByDefault}
   * (the injector then injects every namespace without a label).
   */
  static boolean enabledByDefault(MeshSnapshot mesh) {
    for (ConfigMap cm : mesh.configMaps()) {
      if (!cm.name().startsWith("istio-sidecar-injector")) {
        continue;
      }
      Located<String> values = cm.data().get("values");
      if (values != null
          && sectionSets(values.value(), "\"sidecarInjectorWebhook\"", "\"enableNamespacesByDefault\"")) {
        return true;
      }
    }
    return false;
  }

  /** True when the JSON object after {@code section} sets {@code key} to {@code true} (at any depth inside it). */
  private static boolean sectionSets(String json, String section, String key) {
    int at = json.indexOf(section);
    if (at < 0) {
      return false;
    }
    int open = json.indexOf('{', at);
    if (open < 0) {
      return false;
    }
    int depth = 0;
    int end = json.length();
    for (int i = open; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        end = i;
        break;
      }
    }
    String body = json.substring(open, end);
    return body.replaceAll("\\s", "").contains(key + ":true");
  }
}
