package dev.istiolint.core.internal.schema;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.IstioVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding that holds only for some Istio versions: from {@code since} (inclusive) until {@code until} (exclusive).
 * The run keeps it once it knows the version it analyses for.
 */
public record VersionedDiagnostic(Diagnostic diagnostic, Optional<IstioVersion> since, Optional<IstioVersion> until) {

  public VersionedDiagnostic {
    Objects.requireNonNull(diagnostic, "diagnostic");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
  }

  /** True when the finding holds for this version. */
  public boolean appliesTo(IstioVersion version) {
    return since.map(s -> version.compareTo(s) >= 0).orElse(true)
        && until.map(u -> version.compareTo(u) < 0).orElse(true);
  }
}
