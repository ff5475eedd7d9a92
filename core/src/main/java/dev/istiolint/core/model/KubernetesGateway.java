package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes Gateway API {@code gateway.networking.k8s.io} Gateway: its class and listeners (the parts a
 * VirtualService bound to it depends on). Its kind is {@code Gateway}, like Istio's, with another API group.
 */
public record KubernetesGateway(
    ResourceRef ref, ObjectMeta metadata, SourceSpan span, Optional<Located<String>> gatewayClassName,
    List<Listener> listeners)
    implements Resource {

  public KubernetesGateway {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(gatewayClassName, "gatewayClassName");
    listeners = List.copyOf(listeners);
  }

  /** One {@code listeners[]} entry; a listener without {@code hostname} accepts every host. */
  public record Listener(
      Optional<Located<String>> name, Optional<Located<String>> hostname, Optional<Located<Integer>> port,
      Optional<Located<String>> protocol, SourceSpan span) {
    public Listener {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(span, "span");
    }
  }
}
