package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Locale;

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
    IstioAnnotations.reportEach(
        ctx,
        use ->
            IstioAnnotations.info(use.name())
                .filter(
                    info ->
                        info.target() != IstioAnnotations.Target.ANY && info.target() != use.placedOn())
                .map(
                    info ->
                        "annotation "
                            + use.name()
                            + " has no effect on a "
                            + use.where()
                            + "; it belongs on a "
                            + info.target().name().toLowerCase(Locale.ROOT)
                            + (info.target() == IstioAnnotations.Target.POD
                                ? " (in a workload, on spec.template.metadata)"
                                : "")));
  }
}
