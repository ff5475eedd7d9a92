package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.SelectorConflicts;

/** A Sidecar's workload selector matches no workload in its namespace. */
@RuleInfo(
    id = "REF007",
    name = "sidecar-selector-matches-nothing",
    severity = Severity.ERROR,
    summary = "A Sidecar's workload selector matches no workload in its namespace",
    istioCode = "IST0101",
    kinds = {"Sidecar", "Pod", "Deployment"})
public final class SidecarSelectorMatchesNothing implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    SelectorConflicts.selectsNothing(
        ctx, ctx.mesh().sidecars(), Sidecar::workloadSelector, "Sidecar");
  }
}
