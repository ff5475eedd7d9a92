package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/** An accessLogging entry names no provider while the mesh has no default access log provider. */
@RuleInfo(
    id = "REF013",
    name = "access-logging-without-provider",
    severity = Severity.WARNING,
    summary = "A Telemetry accessLogging entry names no provider and the mesh sets no default one, so it is ignored",
    istioCode = "IST0157",
    kinds = {"Telemetry"})
public final class AccessLoggingWithoutProvider implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    boolean meshDefault =
        ctx.mesh().meshConfigs().stream().anyMatch(mc -> !mc.defaultAccessLoggingProviders().isEmpty());
    if (meshDefault) {
      return;
    }
    for (Telemetry t : ctx.mesh().telemetries()) {
      for (Telemetry.AccessLogging entry : t.accessLoggingEntries()) {
        boolean disabled = entry.disabled().map(Located::value).orElse(false);
        if (entry.providers().isEmpty() && !disabled) {
          ctx.report(
              t,
              Located.of("accessLogging", entry.span()),
              "this accessLogging entry names no provider and the mesh config has no"
                  + " defaultProviders.accessLogging, so Istio ignores it; add providers (for example envoy) or"
                  + " set a default provider in the mesh config");
          break;
        }
      }
    }
  }
}
