package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A DestinationRule without {@code tls} replaces a broader one that sets {@code ISTIO_MUTUAL}: the seed story's pattern,
 * reported also when auto mTLS hides the effect today.
 */
@RuleInfo(
    id = "TLS003",
    name = "tls-override-drops-mesh-mtls",
    severity = Severity.WARNING,
    summary = "A DestinationRule without tls replaces a broader rule that sets ISTIO_MUTUAL for the same clients",
    kinds = {"DestinationRule"})
public final class TlsOverrideDropsMeshMtls implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.OVERRIDE_DROPS_MESH_MTLS)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
