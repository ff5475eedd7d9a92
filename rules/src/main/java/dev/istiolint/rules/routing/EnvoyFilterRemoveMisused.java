package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.EnvoyFilter.ApplyTo;
import dev.istiolint.core.model.EnvoyFilter.Operation;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Set;

/** REMOVE on a route configuration or HTTP route, where Istio ignores it. */
@RuleInfo(
    id = "ROUTE023",
    name = "envoy-filter-remove-misused",
    severity = Severity.ERROR,
    summary = "An EnvoyFilter uses REMOVE on a route configuration or HTTP route, where Istio ignores it",
    istioCode = "IST0154",
    kinds = {"EnvoyFilter"})
public final class EnvoyFilterRemoveMisused implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    EnvoyFilterMisusedOperation.check(
        ctx,
        Operation.REMOVE,
        Set.of(ApplyTo.ROUTE_CONFIGURATION, ApplyTo.HTTP_ROUTE),
        Set.of(),
        "is ignored by Istio; to drop routes, change the VirtualService, or REMOVE the virtual host instead");
  }
}
