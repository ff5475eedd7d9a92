package dev.istiolint.core;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a run.
 *
 * @param findings sorted findings after suppressions and severity overrides
 * @param summary counts
 * @param istioVersion the Istio version whose semantics were applied
 * @param istioVersionReason why that version: given by the caller, implied by legacy kinds, or the default
 * @param snapshot everything loaded, indexed
 * @param internalErrors the exceptions behind internal-error findings, for {@code --debug}
 */
public record LintResult(
    List<Diagnostic> findings,
    Summary summary,
    IstioVersion istioVersion,
    String istioVersionReason,
    MeshSnapshot snapshot,
    List<Throwable> internalErrors) {

  public LintResult {
    findings = List.copyOf(findings);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(istioVersion, "istioVersion");
    Objects.requireNonNull(istioVersionReason, "istioVersionReason");
    Objects.requireNonNull(snapshot, "snapshot");
    internalErrors = List.copyOf(internalErrors);
  }

  /** True when some finding is at {@code threshold} or worse. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(d -> d.severity().atLeast(threshold));
  }

  /** True when the analysis could not complete: an input could not be read, or a rule failed. */
  public boolean incomplete() {
    return findings.stream()
        .anyMatch(
            d ->
                d.rule().equals(CoreRules.INTERNAL_ERROR) || d.rule().equals(CoreRules.UNREADABLE_PATH));
  }
}
