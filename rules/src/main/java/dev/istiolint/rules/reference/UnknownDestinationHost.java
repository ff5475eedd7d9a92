package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.ServiceRegistry;

/** A route destination or mirror names a host no Service or ServiceEntry provides. */
@RuleInfo(
    id = "REF002",
    name = "unknown-destination-host",
    severity = Severity.ERROR,
    summary = "A route destination names a host that no visible Service or ServiceEntry defines",
    istioCode = "IST0101",
    kinds = {"VirtualService", "Service", "ServiceEntry"})
public final class UnknownDestinationHost implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    ServiceRegistry registry = ServiceRegistry.of(ctx.mesh());
    if (registry.isEmpty()) {
      if (!ctx.mesh().virtualServices().isEmpty()) {
        ctx.notApplicable("the input has no Service or ServiceEntry, so destination hosts cannot be checked");
      }
      return;
    }
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (VirtualService.Destination d : vs.allDestinations()) {
        String host = d.host().value();
        if (host.isBlank()) {
          ctx.report(vs, d.host(), "route entry has no destination host, so it routes nowhere; add destination.host");
          continue;
        }
        if (registry.resolve(host, vs.namespace(), vs.exportTo()).isPresent()) {
          continue;
        }
        HostName fqdn = HostName.expand(host, vs.namespace());
        String named = fqdn.value().equals(host) ? host : host + " (" + fqdn.value() + ")";
        boolean existsElsewhere = !registry.entriesFor(fqdn).isEmpty();
        String where =
            vs.exportTo().isEmpty()
                ? "namespace " + vs.namespace()
                : "the namespaces this VirtualService is exported to ("
                    + String.join(", ", vs.exportTo().stream().map(Located::value).toList())
                    + ")";
        ctx.report(
            vs,
            d.host(),
            existsElsewhere
                ? "host " + named + " is not visible in " + where + "; export it there or route to a visible host"
                : "host " + named + " matches no Service or ServiceEntry; correct the host or add the service");
      }
    }
  }
}
