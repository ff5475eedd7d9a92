package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Optional;

/** An Istio annotation has a value of the wrong type. */
@RuleInfo(
    id = "SCHEMA115",
    name = "invalid-annotation-value",
    severity = Severity.WARNING,
    summary = "An Istio annotation has a value of the wrong type",
    istioCode = "IST0125",
    kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Namespace"})
public final class InvalidAnnotationValue implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    IstioAnnotations.reportEach(
        ctx,
        use ->
            IstioAnnotations.info(use.name())
                .flatMap(
                    info -> {
                      String v = use.value().value().strip();
                      boolean ok =
                          switch (info.value()) {
                            case INT -> v.matches("-?[0-9]+");
                            case BOOL -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
                            case TEXT -> true;
                          };
                      return ok
                          ? Optional.empty()
                          : Optional.of(
                              "annotation "
                                  + use.name()
                                  + " must be "
                                  + (info.value() == IstioAnnotations.Value.INT ? "an integer" : "true or false")
                                  + ", not "
                                  + v
                                  + "; Istio ignores the value");
                    }));
  }
}
