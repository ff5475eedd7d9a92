package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Set;
import java.util.TreeSet;

/** A Telemetry resource uses a Lightstep extension provider, which Istio deprecated. */
@RuleInfo(
    id = "SCHEMA106",
    name = "deprecated-telemetry-provider",
    severity = Severity.WARNING,
    summary = "A Telemetry resource uses a Lightstep extension provider, which Istio deprecated",
    istioCode = "IST0002",
    kinds = {"Telemetry"})
public final class DeprecatedTelemetryProvider implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    Set<String> lightstep = new TreeSet<>();
    for (MeshConfig mc : ctx.mesh().meshConfigs()) {
      for (MeshConfig.ExtensionProvider p : mc.extensionProviders()) {
        if (p.type().equals("lightstep")) {
          lightstep.add(p.name().value());
        }
      }
    }
    if (lightstep.isEmpty()) {
      return;
    }
    for (Telemetry t : ctx.mesh().telemetries()) {
      for (Located<String> provider : t.providers()) {
        if (lightstep.contains(provider.value())) {
          ctx.report(
              t,
              provider,
              "provider "
                  + provider.value()
                  + " is a Lightstep extension provider, which is deprecated; export traces with an opentelemetry"
                  + " provider instead");
          break;
        }
      }
    }
  }
}
