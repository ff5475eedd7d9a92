package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.PortProtocol;

/** An ExternalName Service port that Istio would treat as TCP or unknown. */
@RuleInfo(
    id = "ROUTE014",
    name = "external-name-port-name",
    severity = Severity.WARNING,
    summary = "An ExternalName Service port is not declared as HTTP or HTTPS, so the proxy may block its traffic",
    istioCode = "IST0150",
    kinds = {"Service"})
public final class ExternalNamePortName implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (Service svc : ctx.mesh().services()) {
      if (svc.type().value() != Service.Type.EXTERNAL_NAME) {
        continue;
      }
      for (Service.ServicePort port : svc.ports()) {
        String protocol =
            PortProtocol.effective(
                port.appProtocol().map(Located::value), port.nameOrEmpty(), java.util.Optional.empty());
        boolean known =
            port.appProtocol().flatMap(a -> PortProtocol.fromAppProtocol(a.value())).isPresent()
                || PortProtocol.fromName(port.nameOrEmpty()).isPresent();
        if (known && PortProtocol.isHttpFamily(protocol)) {
          continue;
        }
        Located<?> at = port.name().isPresent() ? port.name().get() : port.port();
        ctx.report(
            svc,
            at,
            "port "
                + port.port().value()
                + (port.name().isPresent() ? " (" + port.nameOrEmpty() + ")" : " (unnamed)")
                + " of ExternalName service "
                + svc.name()
                + " is "
                + (known ? protocol : "of unknown protocol")
                + "; name it http or https (optionally with a -suffix), or use a ServiceEntry with resolution DNS"
                + " for TCP");
      }
    }
  }
}
