package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.EnvoyFilter.ApplyTo;
import dev.istiolint.core.model.EnvoyFilter.Operation;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Set;

/** REPLACE on something that cannot be replaced. */
@RuleInfo(
    id = "ROUTE021",
    name = "envoy-filter-replace-misused",
    severity = Severity.ERROR,
    summary = "An EnvoyFilter uses REPLACE on a target other than an HTTP filter, network filter or virtual host",
    istioCode = "IST0152",
    kinds = {"EnvoyFilter"})
public final class EnvoyFilterReplaceMisused implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    EnvoyFilterMisusedOperation.check(
        ctx,
        Operation.REPLACE,
        Set.of(),
        Set.of(ApplyTo.HTTP_FILTER, ApplyTo.NETWORK_FILTER, ApplyTo.VIRTUAL_HOST),
        "is not supported: REPLACE works on HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST; use MERGE, or REMOVE"
            + " and ADD");
  }
}
