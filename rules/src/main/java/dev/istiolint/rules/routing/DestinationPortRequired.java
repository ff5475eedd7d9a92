package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.ServiceRegistry;
import java.util.Optional;

/** A destination without a port, for a service with several ports. */
@RuleInfo(
    id = "ROUTE003",
    name = "destination-port-required",
    severity = Severity.ERROR,
    summary = "A route destination has no port although the destination service exposes several ports",
    istioCode = "IST0112",
    kinds = {"VirtualService", "Service", "ServiceEntry"})
public final class DestinationPortRequired implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    ServiceRegistry registry = ServiceRegistry.of(ctx.mesh());
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (VirtualService.Destination d : vs.allDestinations()) {
        if (d.port().isPresent()) {
          continue;
        }
        Optional<ServiceRegistry.Entry> entry = registry.resolve(d.host().value(), vs.namespace(), vs.exportTo());
        if (entry.isPresent() && entry.get().ports().size() > 1) {
          ctx.report(
              vs,
              d.host(),
              "destination "
                  + d.host().value()
                  + " needs a port: "
                  + entry.get().host().value()
                  + " exposes ports "
                  + entry.get().portList()
                  + "; add port.number");
        }
      }
    }
  }
}
