package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

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
    IstioAnnotations.reportEach(
        ctx,
        use ->
            IstioAnnotations.info(use.name())
                .filter(IstioAnnotations.Info::deprecated)
                .map(
                    i ->
                        "annotation "
                            + use.name()
                            + " is deprecated; configure stats inclusion with the proxy's ProxyConfig"
                            + " (proxyStatsMatcher) instead"));
  }
}
