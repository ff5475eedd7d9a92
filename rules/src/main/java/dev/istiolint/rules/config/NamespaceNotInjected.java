package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/** A namespace has no injection label, so its workloads get no sidecar. */
@RuleInfo(
    id = "SCHEMA107",
    name = "namespace-not-injected",
    severity = Severity.INFO,
    summary = "A namespace has no injection label, so its workloads get no sidecar",
    istioCode = "IST0102",
    kinds = {"Namespace", "ConfigMap"})
public final class NamespaceNotInjected implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    if (InjectionLabels.enabledByDefault(ctx.mesh()) != false) {
      return;
    }
    for (Namespace ns : ctx.mesh().namespaceObjects()) {
      if (InjectionLabels.SYSTEM_NAMESPACES.contains(ns.name()) || InjectionLabels.labelled(ns)) {
        continue;
      }
      ctx.report(
          ns,
          ns.metadata().name(),
          "namespace "
              + ns.name()
              + " has neither istio-injection nor istio.io/rev nor ambient mode, so its pods run outside the mesh;"
              + " label it istio-injection=enabled (or istio.io/rev=<revision>), or istio-injection=disabled to make"
              + " the choice explicit");
    }
  }
}
