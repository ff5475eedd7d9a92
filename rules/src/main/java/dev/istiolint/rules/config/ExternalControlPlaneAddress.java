package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.Webhook;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.List;
import java.util.Map;

/** An Istio webhook with neither URL nor Service. */
@RuleInfo(
    id = "SCHEMA102",
    name = "external-control-plane-url-missing",
    severity = Severity.WARNING,
    summary = "An Istio validation or injection webhook has neither a URL nor a Service to reach the control plane",
    istioCode = "IST0163",
    kinds = {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"})
public final class ExternalControlPlaneAddress implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (Map.Entry<Resource, List<Webhook>> e : IstioWebhooks.of(ctx.mesh()).entrySet()) {
      for (Webhook w : e.getValue()) {
        boolean blank = w.url().map(u -> u.value().isBlank()).orElse(true);
        if (blank && w.serviceName().isEmpty()) {
          ctx.report(
              e.getKey(),
              w.url().isPresent() ? w.url().get() : w.name(),
              "webhook "
                  + w.name().value()
                  + " has a blank clientConfig.url and no service, so the API server cannot call the control plane;"
                  + " set the address of the external istiod");
          break; // one finding per configuration, as istioctl
        }
      }
    }
  }
}
