package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** An Istio annotation is written on a kind of object where Istio does not read it. */
@RuleInfo(
    id = "SCHEMA113",
    name = "misplaced-annotation",
    severity = Severity.WARNING,
    summary = "An Istio annotation is written on a kind of object where Istio does not read it",
    istioCode = "IST0107",
    kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Namespace"})
public final class MisplacedAnnotation implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    Set<String> reported = new HashSet<>();
    for (IstioAnnotations.Use use : IstioAnnotations.uses(ctx.mesh().all())) {
      if (IstioAnnotations.system(use.name())) {
        continue;
      }
      var info = IstioAnnotations.info(use.name());
      if (info.isEmpty()
          || info.get().target() == IstioAnnotations.Target.ANY
          || info.get().target() == use.placedOn()) {
        continue;
      }
      if (reported.add(use.owner().id() + use.name())) {
        ctx.report(
            use.owner(),
            use.value(),
            "annotation "
                + use.name()
                + " has no effect on a "
                + use.where()
                + "; it belongs on a "
                + info.get().target().name().toLowerCase(Locale.ROOT)
                + (info.get().target() == IstioAnnotations.Target.POD
                    ? " (in a workload, on spec.template.metadata)"
                    : ""));
      }
    }
  }
}
