package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.SelectorConflicts;

/** Several Sidecars with workload selectors select the same workload; only one applies. */
@RuleInfo(
    id = "ROUTE017",
    name = "sidecar-selector-overlap",
    severity = Severity.ERROR,
    summary = "Several Sidecars with workload selectors select the same workload; only one applies",
    istioCode = "IST0110",
    kinds = {"Sidecar", "Pod", "Deployment"})
public final class SidecarSelectorOverlap implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    SelectorConflicts.overlappingSelectors(
        ctx, ctx.mesh().sidecars(), Sidecar::workloadSelector, "Sidecar");
  }
}
