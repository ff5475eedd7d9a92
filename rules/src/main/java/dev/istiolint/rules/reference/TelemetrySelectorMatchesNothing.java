package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.SelectorConflicts;

/** A Telemetry resource's selector matches no workload in its namespace. */
@RuleInfo(
    id = "REF008",
    name = "telemetry-selector-matches-nothing",
    severity = Severity.ERROR,
    summary = "A Telemetry resource's selector matches no workload in its namespace",
    istioCode = "IST0101",
    kinds = {"Telemetry", "Pod", "Deployment"})
public final class TelemetrySelectorMatchesNothing implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    SelectorConflicts.selectsNothing(
        ctx, ctx.mesh().telemetries(), Telemetry::selector, "Telemetry");
  }
}
