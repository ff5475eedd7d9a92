package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A {@code portLevelMtls} key that matches no port of the selected workloads (usually the Service port instead of
 * the targetPort).
 */
@RuleInfo(
    id = "TLS010",
    name = "port-level-mtls-unknown-port",
    severity = Severity.WARNING,
    summary = "A portLevelMtls key matches no workload port, so it has no effect",
    kinds = {"PeerAuthentication", "Service"})
public final class PortLevelMtlsUnknownPort implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.PORT_LEVEL_MTLS_UNKNOWN_PORT)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
