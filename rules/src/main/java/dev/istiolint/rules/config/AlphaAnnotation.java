package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.HashSet;
import java.util.Set;

/** An Istio annotation is an alpha feature and may change or go away. */
@RuleInfo(
    id = "SCHEMA117",
    name = "alpha-annotation",
    severity = Severity.INFO,
    summary = "An Istio annotation is an alpha feature and may change or go away",
    istioCode = "IST0136",
    kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Namespace"})
public final class AlphaAnnotation implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    Set<String> reported = new HashSet<>();
    for (IstioAnnotations.Use use : IstioAnnotations.uses(ctx.mesh().all())) {
      if (IstioAnnotations.system(use.name())) {
        continue;
      }
      var info = IstioAnnotations.info(use.name());
      if (info.isPresent() && info.get().alpha() && reported.add(use.owner().id() + use.name())) {
        ctx.report(
            use.owner(),
            use.value(),
            "annotation " + use.name() + " is an alpha feature of Istio: it may change or be removed in a release");
      }
    }
  }
}
