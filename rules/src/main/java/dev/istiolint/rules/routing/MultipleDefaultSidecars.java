package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.SelectorConflicts;

/** Several Sidecars without workload selector exist in one namespace; only one applies. */
@RuleInfo(
    id = "ROUTE018",
    name = "multiple-default-sidecars",
    severity = Severity.ERROR,
    summary = "Several Sidecars without workload selector exist in one namespace; only one applies",
    istioCode = "IST0111",
    kinds = {"Sidecar"})
public final class MultipleDefaultSidecars implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    SelectorConflicts.multipleDefaults(
        ctx, ctx.mesh().sidecars(), Sidecar::workloadSelector, "Sidecar");
  }
}
