package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.WorkloadSelection;
import java.util.Optional;

/** A Sidecar resource in an ambient namespace, where no sidecar reads it. */
@RuleInfo(
    id = "ROUTE019",
    name = "sidecar-in-ambient-namespace",
    severity = Severity.WARNING,
    summary = "A Sidecar resource targets workloads in ambient mode, which have no sidecar to apply it",
    istioCode = "IST0167",
    kinds = {"Sidecar", "Namespace"})
public final class SidecarIneffectiveInAmbient implements LintRule {

  static final String DATAPLANE_MODE = "istio.io/dataplane-mode";

  @Override
  public void check(RuleContext ctx) {
    for (Sidecar sc : ctx.mesh().sidecars()) {
      Optional<Namespace> ns = ctx.mesh().namespace(sc.namespace());
      if (ns.isEmpty() || !ambient(ns.get())) {
        continue;
      }
      ctx.report(
          sc,
          WorkloadSelection.field(sc.workloadSelector(), sc),
          "namespace "
              + sc.namespace()
              + " runs in ambient mode ("
              + DATAPLANE_MODE
              + "=ambient), so its workloads have no sidecar and this Sidecar has no effect; configure the waypoint"
              + " or ztunnel instead, or enable sidecar injection for the namespace");
    }
  }

  /** Ambient unless sidecar injection is also enabled for the namespace (which takes precedence). */
  static boolean ambient(Namespace ns) {
    boolean ambient = ns.metadata().label(DATAPLANE_MODE).filter("ambient"::equals).isPresent();
    boolean injected =
        ns.metadata().label("istio-injection").filter("enabled"::equals).isPresent()
            || ns.metadata().label("istio.io/rev").isPresent();
    return ambient && !injected;
  }
}
