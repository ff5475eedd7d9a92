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
  public record ContainerPort(
      Optional<Located<String>> name, Located<Integer> containerPort, Optional<Located<String>> protocol, SourceSpan span) {
    public ContainerPort {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(containerPort, "containerPort");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(span, "span");
    }
  }
}
