package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.SelectorConflicts;

/** Several Telemetry resources without selector exist in one namespace; only one applies. */
@RuleInfo(
    id = "ROUTE026",
    name = "multiple-default-telemetries",
    severity = Severity.ERROR,
    summary = "Several Telemetry resources without selector exist in one namespace; only one applies",
    istioCode = "IST0160",
    kinds = {"Telemetry"})
public final class MultipleDefaultTelemetries implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    SelectorConflicts.multipleDefaults(
        ctx,
        ctx.mesh().telemetries().stream().filter(t -> t.targetRefs().isEmpty()).toList(),
        Telemetry::selector,
        "Telemetry");
  }
}
