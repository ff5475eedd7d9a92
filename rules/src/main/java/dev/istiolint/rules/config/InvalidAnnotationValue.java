package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.HashSet;
import java.util.Set;

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
    Set<String> reported = new HashSet<>();
    for (IstioAnnotations.Use use : IstioAnnotations.uses(ctx.mesh().all())) {
      if (IstioAnnotations.system(use.name())) {
        continue;
      }
      var info = IstioAnnotations.info(use.name());
      if (info.isEmpty()) {
        continue;
      }
      String v = use.value().value().strip();
      boolean ok =
          switch (info.get().value()) {
            case INT -> v.matches("-?[0-9]+");
            case BOOL -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            case TEXT -> true;
          };
      if (!ok && reported.add(use.owner().id() + use.name())) {
        ctx.report(
            use.owner(),
            use.value(),
            "annotation "
                + use.name()
                + " must be "
                + (info.get().value() == IstioAnnotations.Value.INT ? "an integer" : "true or false")
                + ", not "
                + v
                + "; Istio ignores the value");
      }
    }
  }
}
