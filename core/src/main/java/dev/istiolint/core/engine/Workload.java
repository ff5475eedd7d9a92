package dev.istiolint.core.engine;

import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.IntOrString;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.PodTemplateOwner;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A "virtual pod": what one pod template (of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod)
 * would run, with its sidecar state. Derived by the {@link MeshSnapshot}.
 *
 * @param source the resource that owns the template
 * @param namespace the namespace the pods run in
 * @param labels the pod template labels
 * @param annotations the pod template annotations
 * @param serviceAccount {@code serviceAccountName}, if written (Kubernetes uses {@code default} otherwise)
 * @param containers the containers (not the init containers)
 * @param sidecar whether a sidecar runs in these pods, why, and which field decided it
 * @param gateway true for an Istio gateway proxy (ingress/egress gateway): a client proxy, not an mTLS server
 * @param span the pod template
 */
public record Workload(
    PodTemplateOwner source,
    String namespace,
    Map<String, Located<String>> labels,
    Map<String, Located<String>> annotations,
    Optional<Located<String>> serviceAccount,
    List<Container> containers,
    SidecarInjection sidecar,
    boolean gateway,
    SourceSpan span) {

  /** Whether the pods get a sidecar. */
  public enum SidecarState {
    INJECTED,
    NOT_INJECTED
  }

  /**
   * The sidecar decision: the state, a sentence saying why, and the field that decided it (a namespace label, a pod
   * label or annotation, the istio-proxy container); empty when nothing was written (the default).
   */
  public record SidecarInjection(SidecarState state, String reason, Optional<Located<String>> decidedBy) {
    public SidecarInjection {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(decidedBy, "decidedBy");
    }
  }

  public Workload {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(namespace, "namespace");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    containers = List.copyOf(containers);
    Objects.requireNonNull(sidecar, "sidecar");
    Objects.requireNonNull(span, "span");
  }

  /** The owning resource's identity. */
  public ResourceId id() {
    return source.id();
  }

  /** The owning resource's name. */
  public String name() {
    return source.name();
  }

  /** True when a sidecar is injected (the pods enforce PeerAuthentication and originate mTLS). */
  public boolean hasSidecar() {
    return sidecar.state() == SidecarState.INJECTED;
  }

  /** True when the pods run an Istio proxy at all: a sidecar or a gateway. Such workloads are TLS clients. */
  public boolean hasProxy() {
    return hasSidecar() || gateway;
  }

  /** True when the labels contain every entry of {@code selector} (without building {@link #labelValues()}). */
  public boolean hasLabels(Map<String, String> selector) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      Located<String> v = labels.get(e.getKey());
      if (v == null || !v.value().equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Labels without positions, sorted by key. */
  public Map<String, String> labelValues() {
    Map<String, String> out = new TreeMap<>();
    labels.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** The service account, {@code default} when none is written. */
  public String serviceAccountName() {
    return serviceAccount.map(Located::value).orElse("default");
  }

  /** Every container port, in container order. */
  public List<Container.ContainerPort> ports() {
    return containers.stream().flatMap(c -> c.ports().stream()).toList();
  }

  /**
   * The workload port a Service {@code targetPort} reaches: a number as is, a name through the container ports; empty
   * when the name matches no container port.
   */
  public Optional<Integer> resolvePort(IntOrString targetPort) {
    if (targetPort.isInt()) {
      return Optional.of(targetPort.intValue());
    }
    for (Container c : containers) {
      for (Container.ContainerPort p : c.ports()) {
        if (p.name().isPresent() && p.name().get().value().equals(targetPort.stringValue())) {
          return Optional.of(p.containerPort().value());
        }
      }
    }
    return Optional.empty();
  }
}
