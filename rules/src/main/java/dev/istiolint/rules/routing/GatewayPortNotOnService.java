package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Port;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayWorkloads;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** A Gateway server port that no Service in front of the gateway workload exposes. */
@RuleInfo(
    id = "ROUTE009",
    name = "gateway-port-not-on-service",
    severity = Severity.WARNING,
    summary = "A Gateway server listens on a port that no Service in front of the gateway workload exposes",
    istioCode = "IST0162",
    kinds = {"Gateway", "Service", "Deployment", "Pod"})
public final class GatewayPortNotOnService implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    if (!GatewayWorkloads.inputHasGatewayWorkloads(ctx.mesh())) {
      if (!ctx.mesh().gateways().isEmpty()) {
        ctx.notApplicable("the input defines no gateway workloads, so Gateway ports cannot be checked");
      }
      return;
    }
    for (Gateway gw : ctx.mesh().gateways()) {
      List<Workload> workloads = GatewayWorkloads.selectedBy(ctx.mesh(), gw);
      if (workloads.isEmpty()) {
        continue; // REF005 reports the selector
      }
      TreeSet<Integer> ports = new TreeSet<>();
      for (Workload w : workloads) {
        for (Service s : ctx.mesh().servicesSelecting(w)) {
          for (Service.ServicePort p : s.ports()) {
            String protocol = p.protocol().map(l -> l.value().toUpperCase(Locale.ROOT)).orElse("TCP");
            if (!protocol.equals("TCP")) {
              continue;
            }
            ports.add(p.port().value());
            p.effectiveTargetPort().asInt().ifPresent(ports::add);
          }
        }
      }
      for (Gateway.Server server : gw.servers()) {
        Optional<Located<Integer>> number = server.port().flatMap(Port::number);
        if (number.isEmpty() || ports.contains(number.get().value())) {
          continue;
        }
        ctx.report(
            gw,
            number.get(),
            "port "
                + number.get().value()
                + " is not exposed by any Service in front of the workloads selected by "
                + GatewayWorkloads.selectorText(gw)
                + (ports.isEmpty() ? " (no Service selects them)" : " (service ports and target ports: " + ports + ")")
                + "; add the port to the gateway Service or listen on one it exposes");
      }
    }
  }
}
