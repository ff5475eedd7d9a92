package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** Istio's {@code Port} (Gateway servers, ServiceEntry ports, Sidecar listeners): number, protocol, name, targetPort. */
public record Port(
    Optional<Located<Integer>> number,
    Optional<Located<String>> protocol,
    Optional<Located<String>> name,
    Optional<Located<Integer>> targetPort,
    SourceSpan span) {

  public Port {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(targetPort, "targetPort");
    Objects.requireNonNull(span, "span");
  }

  /** The port number, or 0 when none was written. */
  public int numberOrZero() {
    return number.map(Located::value).orElse(0);
  }
}
