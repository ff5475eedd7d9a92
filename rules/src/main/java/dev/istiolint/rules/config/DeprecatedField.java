package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/** A field Istio has deprecated and ignores or will remove. */
@RuleInfo(
    id = "SCHEMA105",
    name = "deprecated-field",
    severity = Severity.WARNING,
    summary = "A resource uses a field Istio has deprecated in favour of another one",
    istioCode = "IST0002",
    kinds = {"VirtualService", "Sidecar"})
public final class DeprecatedField implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (VirtualService.Route route : vs.http()) {
        if (route.faultDelayPercent().isPresent()) {
          ctx.report(
              vs,
              route.faultDelayPercent().get(),
              "fault.delay.percent is deprecated; use fault.delay.percentage.value (a double, for example "
                  + route.faultDelayPercent().get().value()
                  + ".0)");
          break; // once per resource, as istioctl
        }
      }
    }
    for (Sidecar sc : ctx.mesh().sidecars()) {
      if (sc.egressProxyHost().isPresent()) {
        ctx.report(
            sc,
            sc.egressProxyHost().get(),
            "outboundTrafficPolicy.egressProxy is deprecated and ignored by current Istio releases; route external"
                + " traffic through an egress gateway with a VirtualService instead");
      }
    }
  }
}
