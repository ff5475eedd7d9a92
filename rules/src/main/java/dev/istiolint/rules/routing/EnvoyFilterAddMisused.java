package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.EnvoyFilter.ApplyTo;
import dev.istiolint.core.model.EnvoyFilter.Operation;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Set;

/** ADD on a route configuration or HTTP route, where Istio ignores it. */
@RuleInfo(
    id = "ROUTE022",
    name = "envoy-filter-add-misused",
    severity = Severity.ERROR,
    summary = "An EnvoyFilter uses ADD on a route configuration or HTTP route, where Istio ignores it",
    istioCode = "IST0153",
    kinds = {"EnvoyFilter"})
public final class EnvoyFilterAddMisused implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    EnvoyFilterMisusedOperation.check(
        ctx,
        Operation.ADD,
        Set.of(ApplyTo.ROUTE_CONFIGURATION, ApplyTo.HTTP_ROUTE),
        Set.of(),
        "is ignored by Istio; add routes with a VirtualService, or MERGE into the route configuration");
  }
}
