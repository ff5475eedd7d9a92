package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Services selecting one workload map different ports to the same target port. */
@RuleInfo(
    id = "ROUTE016",
    name = "conflicting-target-ports",
    severity = Severity.WARNING,
    summary = "Services selecting the same workload map different service ports to one target port",
    istioCode = "IST0137",
    kinds = {"Service", "Deployment", "StatefulSet", "DaemonSet", "Pod"})
public final class ConflictingTargetPorts implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (Workload w : ctx.mesh().workloads()) {
      if (!w.hasSidecar() || !repeatsATargetPort(ctx.mesh().servicesSelecting(w))) {
        continue; // a conflict needs one target port written twice
      }
      // target port -> service port -> services
      Map<String, Map<Integer, TreeSet<String>>> targets = new TreeMap<>();
      for (Service s : ctx.mesh().servicesSelecting(w)) {
        for (Service.ServicePort p : s.ports()) {
          targets
              .computeIfAbsent(p.effectiveTargetPort().toString(), k -> new TreeMap<>())
              .computeIfAbsent(p.port().value(), k -> new TreeSet<>())
              .add(s.name());
        }
      }
      targets.forEach(
          (target, byPort) -> {
            if (byPort.size() < 2) {
              return;
            }
            List<String> uses = new ArrayList<>();
            byPort.forEach((port, services) -> uses.add(port + " (" + String.join(", ", services) + ")"));
            ctx.report(
                w.source(),
                w.source().metadata().name(),
                w.source().kind()
                    + " "
                    + w.name()
                    + " receives target port "
                    + target
                    + " through different service ports "
                    + String.join(", ", uses)
                    + "; Istio configures the target port once, so use the same service port everywhere");
          });
    }
  }

  /** True when two ports of these services (one service or several) share a target port. */
  private static boolean repeatsATargetPort(List<Service> services) {
    Set<String> seen = new HashSet<>();
    for (Service s : services) {
      for (Service.ServicePort p : s.ports()) {
        if (!seen.add(p.effectiveTargetPort().toString())) {
          return true;
        }
      }
    }
    return false;
  }
}
