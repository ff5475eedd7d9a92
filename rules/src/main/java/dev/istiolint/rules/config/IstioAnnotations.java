package dev.istiolint.rules.config;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.PodTemplate;
import dev.istiolint.core.model.PodTemplateOwner;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Istio annotations users write, where each belongs, what its value must be and its feature status (from Istio's
 * annotation reference), and the annotations of a resource to check: its own, and for workloads those of the pod
 * template (which istioctl does not look at).
 */
final class IstioAnnotations {

  /** Where an annotation belongs; {@code OTHER} stands for any other kind of object it may be written on. */
  enum Target {
    POD,
    SERVICE,
    INGRESS,
    ANY,
    OTHER
  }

  enum Value {
    TEXT,
    INT,
    BOOL
  }

  record Info(String name, Target target, Value value, boolean deprecated, boolean alpha) {}

  /** Annotation prefixes that only Istio uses: an unknown name there is a typo. */
  static final Set<String> ISTIO_DOMAINS =
      Set.of(
          "sidecar.istio.io",
          "traffic.sidecar.istio.io",
          "readiness.status.sidecar.istio.io",
          "status.sidecar.istio.io",
          "proxy.istio.io",
          "networking.istio.io",
          "inject.istio.io",
          "prometheus.istio.io");

  /** Annotations the control plane or CNI writes; never a user's mistake. */
  private static final Set<String> SYSTEM =
      Set.of(
          "sidecar.istio.io/status",
          "istio.io/rev",
          "ambient.istio.io/redirection",
          "proxy.istio.io/overrides",
          "gateway.istio.io/controller-version");

  private static final Map<String, Info> CATALOGUE = catalogue();

  private IstioAnnotations() {}

  private static Map<String, Info> catalogue() {
    List<Info> all =
        List.of(
            pod("sidecar.istio.io/inject", Value.BOOL),
            pod("sidecar.istio.io/proxyImage", Value.TEXT),
            pod("sidecar.istio.io/proxyImageType", Value.TEXT),
            pod("sidecar.istio.io/proxyCPU", Value.TEXT),
            pod("sidecar.istio.io/proxyCPULimit", Value.TEXT),
            pod("sidecar.istio.io/proxyMemory", Value.TEXT),
            pod("sidecar.istio.io/proxyMemoryLimit", Value.TEXT),
            pod("sidecar.istio.io/logLevel", Value.TEXT),
            pod("sidecar.istio.io/componentLogLevel", Value.TEXT),
            pod("sidecar.istio.io/agentLogLevel", Value.TEXT),
            pod("sidecar.istio.io/bootstrapOverride", Value.TEXT),
            pod("sidecar.istio.io/discoveryAddress", Value.TEXT),
            pod("sidecar.istio.io/enableCoreDump", Value.BOOL),
            pod("sidecar.istio.io/rewriteAppHTTPProbers", Value.BOOL),
            pod("sidecar.istio.io/statsHistogramBuckets", Value.TEXT),
            pod("sidecar.istio.io/userVolume", Value.TEXT),
            pod("sidecar.istio.io/userVolumeMount", Value.TEXT),
            pod("sidecar.istio.io/extraStatTags", Value.TEXT),
            pod("sidecar.istio.io/nativeSidecar", Value.BOOL),
            alphaPod("sidecar.istio.io/interceptionMode", Value.TEXT),
            new Info("sidecar.istio.io/statsInclusionPrefixes", Target.POD, Value.TEXT, true, true),
            new Info("sidecar.istio.io/statsInclusionSuffixes", Target.POD, Value.TEXT, true, true),
            new Info("sidecar.istio.io/statsInclusionRegexps", Target.POD, Value.TEXT, true, true),
            alphaPod("traffic.sidecar.istio.io/includeOutboundIPRanges", Value.TEXT),
            alphaPod("traffic.sidecar.istio.io/excludeOutboundIPRanges", Value.TEXT),
            alphaPod("traffic.sidecar.istio.io/includeInboundPorts", Value.TEXT),
            alphaPod("traffic.sidecar.istio.io/excludeInboundPorts", Value.TEXT),
            alphaPod("traffic.sidecar.istio.io/includeOutboundPorts", Value.TEXT),
            alphaPod("traffic.sidecar.istio.io/excludeOutboundPorts", Value.TEXT),
            alphaPod("traffic.sidecar.istio.io/excludeInterfaces", Value.TEXT),
            alphaPod("traffic.sidecar.istio.io/kubevirtInterfaces", Value.TEXT),
            alphaPod("readiness.status.sidecar.istio.io/applicationPorts", Value.TEXT),
            alphaPod("readiness.status.sidecar.istio.io/initialDelaySeconds", Value.INT),
            alphaPod("readiness.status.sidecar.istio.io/periodSeconds", Value.INT),
            alphaPod("readiness.status.sidecar.istio.io/failureThreshold", Value.INT),
            pod("status.sidecar.istio.io/port", Value.INT),
            pod("proxy.istio.io/config", Value.TEXT),
            pod("inject.istio.io/templates", Value.TEXT),
            pod("prometheus.istio.io/merge-metrics", Value.BOOL),
            new Info("networking.istio.io/exportTo", Target.SERVICE, Value.TEXT, false, true),
            new Info("networking.istio.io/traffic-distribution", Target.SERVICE, Value.TEXT, false, false),
            new Info("networking.istio.io/service-type", Target.ANY, Value.TEXT, false, false),
            new Info("kubernetes.io/ingress.class", Target.INGRESS, Value.TEXT, false, false));
    Map<String, Info> out = new HashMap<>();
    all.forEach(i -> out.put(i.name(), i));
    return Map.copyOf(out);
  }

  private static Info pod(String name, Value value) {
    return new Info(name, Target.POD, value, false, false);
  }

  private static Info alphaPod(String name, Value value) {
    return new Info(name, Target.POD, value, false, true);
  }

  static Optional<Info> info(String name) {
    return Optional.ofNullable(CATALOGUE.get(name));
  }

  static boolean system(String name) {
    return SYSTEM.contains(name);
  }

  /** True for a name in a domain only Istio uses. */
  static boolean istioDomain(String name) {
    int slash = name.indexOf('/');
    return slash > 0 && ISTIO_DOMAINS.contains(name.substring(0, slash));
  }

  /** One annotation to check: where it is written and what kind of object it applies to there. */
  record Use(Resource owner, String name, Located<String> value, Target placedOn, String where) {}

  /** The annotation uses of a snapshot, collected once and shared by the annotation rules. */
  private record Uses(List<Use> all) {}

  /** The annotations of the kinds istio-lint checks in {@code mesh}, computed once per snapshot. */
  static List<Use> uses(MeshSnapshot mesh) {
    return mesh.derived(Uses.class, m -> new Uses(List.copyOf(uses(m.all())))).all();
  }

  /** The annotations of the kinds istio-lint checks, with the pod template's for workloads. */
  static List<Use> uses(List<Resource> resources) {
    List<Use> out = new ArrayList<>();
    for (Resource r : resources) {
      Optional<Target> on = targetOf(r.kind());
      if (on.isEmpty()) {
        continue;
      }
      if (r instanceof PodTemplateOwner owner && ciManaged(owner.template())) {
        continue; // istio-cni writes these annotations itself
      }
      r.metadata().annotations().forEach((k, v) -> out.add(new Use(r, k, v, on.get(), r.kind())));
      if (r instanceof PodTemplateOwner owner && !r.kind().equals("Pod")) {
        owner.template().annotations().forEach((k, v) -> out.add(new Use(r, k, v, Target.POD, "pod template")));
      }
    }
    return out;
  }

  /**
   * Reports every use of an Istio annotation (system ones aside) for which {@code message} gives a text, once per
   * resource and annotation name: the loop the annotation rules share.
   */
  static void reportEach(RuleContext ctx, Function<Use, Optional<String>> message) {
    Set<String> reported = new HashSet<>();
    for (Use use : uses(ctx.mesh())) {
      if (system(use.name())) {
        continue;
      }
      Optional<String> text = message.apply(use);
      if (text.isPresent() && reported.add(use.owner().id() + use.name())) {
        ctx.report(use.owner(), use.value(), text.get());
      }
    }
  }

  private static Optional<Target> targetOf(String kind) {
    return switch (kind) {
      case "Pod" -> Optional.of(Target.POD);
      case "Service" -> Optional.of(Target.SERVICE);
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Namespace" ->
          Optional.of(Target.OTHER);
      default -> Optional.empty();
    };
  }

  /** Pods whose traffic annotations istio-cni set (it adds the istio-validation init container). */
  private static boolean ciManaged(PodTemplate t) {
    return t.initContainers().stream().anyMatch(c -> c.name().value().equals("istio-validation"));
  }
}
