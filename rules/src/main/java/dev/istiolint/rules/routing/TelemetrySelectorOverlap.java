package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.SelectorConflicts;

/** Several Telemetry resources with selectors select the same workload; only one applies. */
@RuleInfo(
    id = "ROUTE025",
    name = "telemetry-selector-overlap",
    severity = Severity.ERROR,
    summary = "Several Telemetry resources with selectors select the same workload; only one applies",
    istioCode = "IST0159",
    kinds = {"Telemetry", "Pod", "Deployment"})
public final class TelemetrySelectorOverlap implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    SelectorConflicts.overlappingSelectors(
        ctx,
        ctx.mesh().telemetries().stream().filter(t -> t.targetRefs().isEmpty()).toList(),
        Telemetry::selector,
        "Telemetry");
  }
}
