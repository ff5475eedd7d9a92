package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code networking.istio.io} Sidecar. {@code workloadSelector} is Istio's networking WorkloadSelector (its
 * {@code labels} are in {@link LabelSelector#matchLabels()}).
 */
public record Sidecar(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> workloadSelector,
    List<EgressListener> egress,
    List<IngressListener> ingress,
    Optional<Located<String>> outboundTrafficPolicyMode,
    Optional<Located<String>> egressProxyHost)
    implements IstioResource {

  public Sidecar {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(workloadSelector, "workloadSelector");
    egress = List.copyOf(egress);
    ingress = List.copyOf(ingress);
    Objects.requireNonNull(outboundTrafficPolicyMode, "outboundTrafficPolicyMode");
    Objects.requireNonNull(egressProxyHost, "egressProxyHost");
  }

  /** A Sidecar without the deprecated {@code outboundTrafficPolicy.egressProxy}. */
  public Sidecar(
      ResourceRef ref,
      ObjectMeta metadata,
      SourceSpan span,
      Optional<LabelSelector> workloadSelector,
      List<EgressListener> egress,
      List<IngressListener> ingress,
      Optional<Located<String>> outboundTrafficPolicyMode) {
    this(ref, metadata, span, workloadSelector, egress, ingress, outboundTrafficPolicyMode, Optional.empty());
  }

  /** {@code IstioEgressListener}: hosts as {@code namespace/dnsName}. */
  public record EgressListener(
      Optional<Port> port, Optional<Located<String>> bind, List<Located<String>> hosts, SourceSpan span) {
    public EgressListener {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(bind, "bind");
      hosts = List.copyOf(hosts);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code IstioIngressListener}. */
  public record IngressListener(
      Optional<Port> port,
      Optional<Located<String>> bind,
      Optional<Located<String>> defaultEndpoint,
      Optional<ServerTLSSettings> tls,
      SourceSpan span) {
    public IngressListener {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(bind, "bind");
      Objects.requireNonNull(defaultEndpoint, "defaultEndpoint");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(span, "span");
    }
  }
}
