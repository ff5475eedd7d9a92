package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A MeshPolicy not named {@code default}: Istio ignores it.
 */
@RuleInfo(
    id = "TLS008",
    name = "mesh-policy-not-default",
    severity = Severity.WARNING,
    summary = "A MeshPolicy not named default is ignored",
    kinds = {"MeshPolicy"})
public final class MeshPolicyNotDefault implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.MESH_POLICY_NOT_DEFAULT)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
