package dev.istiolint.core.engine;

import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.PodTemplate;
import dev.istiolint.core.model.PodTemplateOwner;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a {@link Workload} from a pod template, deciding sidecar injection as Istio's injector does.
 *
 * <p>Order of the decision (Istio "Controlling the injection policy": if either the namespace label or the pod label
 * disables injection the pod is not injected; else if either enables it, it is):
 *
 * <ol>
 *   <li>a container named {@code istio-proxy} already present: injected by hand ({@code istioctl kube-inject}), or a
 *       gateway proxy when it runs as a router;
 *   <li>{@code hostNetwork: true} pods and pods in {@code kube-system}/{@code kube-public} are never injected;
 *   <li>{@code sidecar.istio.io/inject: "false"} as pod label or annotation: not injected;
 *   <li>namespace label {@code istio-injection=disabled}: not injected, even when the pod label says "true";
 *   <li>pod label {@code sidecar.istio.io/inject: "true"}, namespace label {@code istio-injection=enabled}, namespace
 *       label {@code istio.io/rev}, or pod label {@code istio.io/rev}: injected;
 *   <li>otherwise not injected. An annotation {@code "true"} alone does not inject: the webhook's selectors only look at
 *       labels, so the webhook is never called for such a pod.
 * </ol>
 */
final class WorkloadDeriver {

  static final String INJECT = "sidecar.istio.io/inject";
  static final String PROXY_CONTAINER = "istio-proxy";
  private static final Set<String> IGNORED_NAMESPACES = Set.of("kube-system", "kube-public");

  private WorkloadDeriver() {}

  static Workload derive(PodTemplateOwner owner, Optional<Namespace> ns) {
    PodTemplate t = owner.template();
    String namespace = owner.namespace();
    boolean gatewayTemplate =
        Optional.ofNullable(t.annotations().get("inject.istio.io/templates"))
            .map(a -> a.value().contains("gateway"))
            .orElse(false);
    Optional<Container> proxy = t.container(PROXY_CONTAINER);
    Workload.SidecarInjection decision;
    boolean gateway = false;
    if (proxy.isPresent()) {
      Container c = proxy.get();
      boolean router = c.args().stream().anyMatch(a -> a.value().equals("router"));
      if (router || gatewayTemplate || isGatewayLabelled(t, c)) {
        gateway = true;
        decision =
            new Workload.SidecarInjection(
                Workload.SidecarState.NOT_INJECTED,
                "runs an Istio gateway proxy (istio-proxy container as router), not a sidecar",
                Optional.of(c.name()));
      } else {
        decision =
            new Workload.SidecarInjection(
                Workload.SidecarState.INJECTED,
                "the template already has an istio-proxy container (manual injection)",
                Optional.of(c.name()));
      }
    } else {
      decision = injection(t, namespace, ns);
      if (gatewayTemplate && decision.state() == Workload.SidecarState.INJECTED) {
        gateway = true;
        decision =
            new Workload.SidecarInjection(
                Workload.SidecarState.NOT_INJECTED,
                "is injected with the gateway template (inject.istio.io/templates): a gateway proxy, not a sidecar",
                decision.decidedBy());
      } else if (isGatewayImage(t)) {
        gateway = true;
      }
    }
    return new Workload(
        owner, namespace, t.labels(), t.annotations(), t.serviceAccountName(), t.containers(), decision, gateway, t.span());
  }

  private static boolean isGatewayLabelled(PodTemplate t, Container c) {
    String istio = Optional.ofNullable(t.labels().get("istio")).map(Located::value).orElse("");
    boolean labelled = istio.equals("ingressgateway") || istio.equals("egressgateway");
    return labelled && c.image().map(i -> i.value().contains("proxyv2")).orElse(false);
  }

  /** A proxyv2 container running as router, under another container name. */
  private static boolean isGatewayImage(PodTemplate t) {
    for (Container c : t.containers()) {
      boolean proxyv2 = c.image().map(i -> i.value().contains("proxyv2")).orElse(false);
      if (proxyv2 && c.args().stream().anyMatch(a -> a.value().equals("router"))) {
        return true;
      }
    }
    return false;
  }

  private static Workload.SidecarInjection injection(PodTemplate t, String namespace, Optional<Namespace> ns) {
    Optional<Located<Boolean>> hostNetwork = t.hostNetwork().filter(Located::value);
    if (hostNetwork.isPresent()) {
      return notInjected(
          "uses hostNetwork, which the sidecar injector skips",
          Optional.of(Located.of("true", hostNetwork.get().span())));
    }
    if (IGNORED_NAMESPACES.contains(namespace)) {
      return notInjected("runs in " + namespace + ", which the sidecar injector ignores", Optional.empty());
    }
    Optional<Located<String>> podLabel = Optional.ofNullable(t.labels().get(INJECT));
    Optional<Located<String>> podAnnotation = Optional.ofNullable(t.annotations().get(INJECT));
    if (podLabel.isPresent() && isFalse(podLabel.get().value())) {
      return notInjected("opts out with the label " + INJECT + ": \"false\"", podLabel);
    }
    if (podAnnotation.isPresent() && isFalse(podAnnotation.get().value())) {
      return notInjected("opts out with the annotation " + INJECT + ": \"false\"", podAnnotation);
    }
    Optional<Located<String>> nsInjection = ns.flatMap(Namespace::injectionLabel);
    Optional<Located<String>> nsRevision = ns.flatMap(Namespace::revisionLabel);
    if (nsInjection.isPresent() && nsInjection.get().value().equals("disabled")) {
      return notInjected("namespace " + namespace + " has istio-injection=disabled", nsInjection);
    }
    if (podLabel.isPresent() && isTrue(podLabel.get().value())) {
      return injected("has the label " + INJECT + ": \"true\"", podLabel);
    }
    if (nsInjection.isPresent() && nsInjection.get().value().equals("enabled")) {
      return injected("namespace " + namespace + " has istio-injection=enabled", nsInjection);
    }
    if (nsRevision.isPresent() && nsInjection.isEmpty()) {
      return injected(
          "namespace " + namespace + " has istio.io/rev=" + nsRevision.get().value(), nsRevision);
    }
    Optional<Located<String>> podRevision = Optional.ofNullable(t.labels().get(Namespace.REVISION_LABEL));
    if (podRevision.isPresent()) {
      return injected("has the label istio.io/rev=" + podRevision.get().value(), podRevision);
    }
    if (ns.isEmpty()) {
      return notInjected(
          "namespace " + namespace + " is not in the input, so nothing enables injection", Optional.empty());
    }
    if (podAnnotation.isPresent() && isTrue(podAnnotation.get().value())) {
      return notInjected(
          "only the annotation " + INJECT + ": \"true\" asks for injection, but the injection webhook selects"
              + " pods by labels; namespace " + namespace + " does not enable injection",
          podAnnotation);
    }
    return notInjected(
        "namespace " + namespace + " has neither istio-injection=enabled nor istio.io/rev",
        nsInjection.isPresent() ? nsInjection : Optional.empty());
  }

  private static boolean isFalse(String v) {
    return v.equalsIgnoreCase("false") || v.equals("n") || v.equals("no") || v.equals("off");
  }

  private static boolean isTrue(String v) {
    return v.equalsIgnoreCase("true") || v.equals("y") || v.equals("yes") || v.equals("on");
  }

  private static Workload.SidecarInjection injected(String reason, Optional<Located<String>> by) {
    return new Workload.SidecarInjection(Workload.SidecarState.INJECTED, reason, by);
  }

  private static Workload.SidecarInjection notInjected(String reason, Optional<Located<String>> by) {
    return new Workload.SidecarInjection(Workload.SidecarState.NOT_INJECTED, reason, by);
  }
}
