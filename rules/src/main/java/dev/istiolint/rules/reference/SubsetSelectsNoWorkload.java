package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A DestinationRule subset's labels select none of the workloads behind its Service. */
@RuleInfo(
    id = "REF011",
    name = "subset-selects-no-workload",
    severity = Severity.ERROR,
    summary = "A DestinationRule subset's labels select none of the workloads behind the host's Service",
    istioCode = "IST0173",
    kinds = {"DestinationRule", "Service", "Deployment", "StatefulSet", "DaemonSet", "Pod"})
public final class SubsetSelectsNoWorkload implements LintRule {

  private static final String TOPOLOGY = "topology.kubernetes.io/";

  @Override
  public void check(RuleContext ctx) {
    if (ctx.mesh().workloads().isEmpty()) {
      if (ctx.mesh().destinationRules().stream().anyMatch(dr -> !dr.subsets().isEmpty())) {
        ctx.notApplicable("the input has no workloads (Deployments, Pods, ...), so subsets cannot be checked");
      }
      return;
    }
    for (DestinationRule dr : ctx.mesh().destinationRules()) {
      Optional<Service> service = ctx.mesh().serviceByHost(dr.hostName());
      if (service.isEmpty() || service.get().selector().isEmpty()) {
        continue;
      }
      List<Workload> behind = ctx.mesh().workloadsBehind(service.get());
      for (DestinationRule.Subset subset : dr.subsets()) {
        Map<String, String> labels = subset.labelValues();
        // topology.kubernetes.io/* labels are the nodes' (Istio adds them to endpoints): scheduling is not known
        // here, so they count as met, except an empty value, which no node label matches
        boolean emptyTopology =
            labels.entrySet().stream().anyMatch(e -> e.getKey().startsWith(TOPOLOGY) && e.getValue().isEmpty());
        Map<String, String> podLabels = new TreeMap<>(labels);
        podLabels.keySet().removeIf(k -> k.startsWith(TOPOLOGY));
        boolean selected =
            !emptyTopology
                && behind.stream().anyMatch(w -> w.hasLabels(podLabels));
        if (selected) {
          continue;
        }
        Located<?> at = subset.labels().isEmpty() ? subset.name() : firstLabel(subset);
        ctx.report(
            dr,
            at,
            "subset "
                + subset.name().value()
                + " selects "
                + labels
                + " but none of the "
                + behind.size()
                + " workloads behind service "
                + service.get().name()
                + " carries these labels; requests routed to it fail with 503, fix the labels or deploy the workload");
      }
    }
  }

  private static Located<String> firstLabel(DestinationRule.Subset subset) {
    return subset.labels().values().stream()
        .min((a, b) -> a.span().compareTo(b.span()))
        .orElseThrow();
  }
}
