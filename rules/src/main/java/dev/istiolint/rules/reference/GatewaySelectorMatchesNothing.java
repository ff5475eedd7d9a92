package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayWorkloads;

/** A Gateway's selector matches no gateway workload. */
@RuleInfo(
    id = "REF005",
    name = "gateway-selector-matches-nothing",
    severity = Severity.ERROR,
    summary = "A Gateway's selector matches no workload, so no proxy serves its servers",
    istioCode = "IST0101",
    kinds = {"Gateway", "Deployment", "Pod"})
public final class GatewaySelectorMatchesNothing implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    if (!GatewayWorkloads.inputHasGatewayWorkloads(ctx.mesh())) {
      if (!ctx.mesh().gateways().isEmpty()) {
        ctx.notApplicable("the input defines no gateway workloads, so Gateway selectors cannot be checked");
      }
      return;
    }
    for (Gateway gw : ctx.mesh().gateways()) {
      if (gw.selector().isEmpty() || !GatewayWorkloads.selectedBy(ctx.mesh(), gw).isEmpty()) {
        continue;
      }
      ctx.report(
          gw,
          GatewayWorkloads.selectorField(gw),
          "selector "
              + GatewayWorkloads.selectorText(gw)
              + " matches no workload, so no gateway proxy applies this Gateway; use the labels of the gateway"
              + " deployment (for example istio=ingressgateway)");
    }
  }
}
