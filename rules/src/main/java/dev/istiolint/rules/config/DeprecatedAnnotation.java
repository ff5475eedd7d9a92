package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.HashSet;
import java.util.Set;

/** An Istio annotation is deprecated. */
@RuleInfo(
    id = "SCHEMA116",
    name = "deprecated-annotation",
    severity = Severity.INFO,
    summary = "An Istio annotation is deprecated",
    istioCode = "IST0135",
    kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Namespace"})
public final class DeprecatedAnnotation implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    Set<String> reported = new HashSet<>();
    for (IstioAnnotations.Use use : IstioAnnotations.uses(ctx.mesh().all())) {
      if (IstioAnnotations.system(use.name())) {
        continue;
      }
      var info = IstioAnnotations.info(use.name());
      if (info.isPresent() && info.get().deprecated() && reported.add(use.owner().id() + use.name())) {
        ctx.report(
            use.owner(),
            use.value(),
            "annotation "
                + use.name()
                + " is deprecated; configure stats inclusion with the proxy's ProxyConfig (proxyStatsMatcher) instead");
      }
    }
  }
}
