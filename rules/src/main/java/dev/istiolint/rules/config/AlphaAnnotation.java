package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

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
    IstioAnnotations.reportEach(
        ctx,
        use ->
            IstioAnnotations.info(use.name())
                .filter(IstioAnnotations.Info::alpha)
                .map(
                    i ->
                        "annotation "
                            + use.name()
                            + " is an alpha feature of Istio: it may change or be removed in a release"));
  }
}
