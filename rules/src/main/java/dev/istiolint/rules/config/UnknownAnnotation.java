package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Optional;

/** An annotation in an Istio domain is not one Istio knows, usually a typo. */
@RuleInfo(
    id = "SCHEMA114",
    name = "unknown-annotation",
    severity = Severity.WARNING,
    summary = "An annotation in an Istio domain is not one Istio knows, usually a typo",
    istioCode = "IST0108",
    kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Namespace"})
public final class UnknownAnnotation implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    IstioAnnotations.reportEach(
        ctx,
        use ->
            IstioAnnotations.istioDomain(use.name()) && IstioAnnotations.info(use.name()).isEmpty()
                ? Optional.of(
                    "annotation " + use.name() + " is not an Istio annotation, so Istio ignores it; check the spelling")
                : Optional.empty());
  }
}
