package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.ServiceRegistry;
import java.util.Optional;

/** A route destination selects a port the destination service does not expose. */
@RuleInfo(
    id = "REF003",
    name = "unknown-destination-port",
    severity = Severity.ERROR,
    summary = "A route destination selects a port that the destination Service or ServiceEntry does not expose",
    istioCode = "IST0101",
    kinds = {"VirtualService", "Service", "ServiceEntry"})
public final class UnknownDestinationPort implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    ServiceRegistry registry = ServiceRegistry.of(ctx.mesh());
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (VirtualService.Destination d : vs.allDestinations()) {
        if (d.port().isEmpty()) {
          continue;
        }
        Located<Integer> port = d.port().get();
        Optional<ServiceRegistry.Entry> entry = registry.resolve(d.host().value(), vs.namespace(), vs.exportTo());
        if (entry.isEmpty() || entry.get().ports().isEmpty() || entry.get().ports().contains(port.value())) {
          continue;
        }
        ctx.report(
            vs,
            port,
            "port "
                + port.value()
                + " is not a port of "
                + entry.get().host().value()
                + " (ports: "
                + entry.get().portList()
                + "); use one of them or add the port to the service");
      }
    }
  }
}
