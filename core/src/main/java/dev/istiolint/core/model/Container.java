package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container of a pod template: name, image, ports and args (args tell an Istio gateway proxy from a sidecar),
 * {@code securityContext.runAsUser} and the literal {@code env} values (entries with {@code valueFrom} are left out).
 */
public record Container(
    Located<String> name,
    Optional<Located<String>> image,
    List<ContainerPort> ports,
    List<Located<String>> args,
    SourceSpan span,
    Optional<Located<Integer>> runAsUser,
    Map<String, Located<String>> env) {

  public Container {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    ports = List.copyOf(ports);
    args = List.copyOf(args);
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(runAsUser, "runAsUser");
    env = Map.copyOf(env);
  }

  /** A container without security context or environment. */
  public Container(
      Located<String> name, Optional<Located<String>> image, List<ContainerPort> ports, List<Located<String>> args,
      SourceSpan span) {
    this(name, image, ports, args, span, Optional.empty(), Map.of());
  }

  /** One {@code ports[]} entry. */
  public static final class ContainerPort {

    private final Located<String> name;
    private final Located<Integer> containerPort;
    private final Located<String> protocol;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;

    public ContainerPort(
        Optional<Located<String>> name,
        Located<Integer> containerPort,
        Optional<Located<String>> protocol,
        SourceSpan span) {
      this.name = name.orElse(null);
      this.containerPort = Objects.requireNonNull(containerPort, "containerPort");
      this.protocol = protocol.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
    }

    public Optional<Located<String>> name() {
      return Optional.ofNullable(name);
    }

    public Located<Integer> containerPort() {
      return containerPort;
    }

    public Optional<Located<String>> protocol() {
      return Optional.ofNullable(protocol);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof ContainerPort other
          && Objects.equals(name, other.name)
          && containerPort.equals(other.containerPort)
          && Objects.equals(protocol, other.protocol)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + Objects.hashCode(name);
      h = h * 31 + containerPort.hashCode();
      h = h * 31 + Objects.hashCode(protocol);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      return h;
    }

    @Override
    public String toString() {
      return "ContainerPort["
          + "name=" + name()
          + ", containerPort=" + containerPort
          + ", protocol=" + protocol()
          + ", span=" + span()
          + "]";
    }
  }
}
