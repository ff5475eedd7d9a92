package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.PortProtocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Services selecting one workload declare the same port with different protocols. */
@RuleInfo(
    id = "ROUTE015",
    name = "multiple-services-port-protocol",
    severity = Severity.WARNING,
    summary = "Services selecting the same workload use one port number with different protocols",
    istioCode = "IST0116",
    kinds = {"Service", "Deployment", "StatefulSet", "DaemonSet", "Pod"})
public final class MultipleServicesPortProtocol implements LintRule {

  /** True when two ports of these services (one service or several) share a number. */
  private static boolean repeatsAPort(List<Service> services) {
    Set<Integer> seen = new HashSet<>();
    for (Service s : services) {
      for (Service.ServicePort p : s.ports()) {
        if (!seen.add(p.port().value())) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void check(RuleContext ctx) {
    for (Workload w : ctx.mesh().workloads()) {
      if (!w.hasSidecar() || !repeatsAPort(ctx.mesh().servicesSelecting(w))) {
        continue; // a conflict needs one port number written twice
      }
      // port -> protocol -> services
      Map<Integer, Map<String, TreeSet<String>>> ports = new TreeMap<>();
      for (Service s : ctx.mesh().servicesSelecting(w)) {
        for (Service.ServicePort p : s.ports()) {
          String protocol =
              PortProtocol.effective(
                  p.appProtocol().map(Located::value), p.nameOrEmpty(), p.protocol().map(Located::value));
          ports.computeIfAbsent(p.port().value(), k -> new TreeMap<>())
              .computeIfAbsent(protocol, k -> new TreeSet<>())
              .add(s.name() + " (" + protocol + ")");
        }
      }
      ports.forEach(
          (port, byProtocol) -> {
            if (byProtocol.size() < 2) {
              return;
            }
            List<String> services = new ArrayList<>();
            byProtocol.values().forEach(services::addAll);
            ctx.report(
                w.source(),
                w.source().metadata().name(),
                w.source().kind()
                    + " "
                    + w.name()
                    + " is selected by services "
                    + String.join(", ", services)
                    + " on port "
                    + port
                    + " with different protocols; the sidecar can use only one, give the port one protocol in every"
                    + " service");
          });
    }
  }
}
