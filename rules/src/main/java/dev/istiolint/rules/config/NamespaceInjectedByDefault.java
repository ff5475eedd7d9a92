package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/** A namespace without injection label is injected because the injector enables all namespaces by default. */
@RuleInfo(
    id = "SCHEMA108",
    name = "namespace-injected-by-default",
    severity = Severity.INFO,
    summary = "A namespace without injection label is injected because the injector enables all namespaces by default",
    istioCode = "IST0148",
    kinds = {"Namespace", "ConfigMap"})
public final class NamespaceInjectedByDefault implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    if (InjectionLabels.enabledByDefault(ctx.mesh()) != true) {
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
              + " has no injection label and the sidecar injector has enableNamespacesByDefault, so its pods get"
              + " sidecars implicitly; label it istio-injection=enabled or disabled to make the choice explicit");
    }
  }
}
