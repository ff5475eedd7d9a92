package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** A port selector: by {@code number}, or (Istio 1.0 and v1alpha1 policies only) by {@code name}. */
public record PortSelector(Optional<Located<Integer>> number, Optional<Located<String>> name, SourceSpan span) {

  public PortSelector {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(span, "span");
  }

  /** True when the selector names this port by number or by name. */
  public boolean selects(int portNumber, Optional<String> portName) {
    if (number.isPresent() && number.get().value() == portNumber) {
      return true;
    }
    return name.isPresent() && portName.isPresent() && name.get().value().equals(portName.get());
  }
}
