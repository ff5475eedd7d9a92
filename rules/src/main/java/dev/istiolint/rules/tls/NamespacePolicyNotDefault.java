package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A namespace-wide v1alpha1 Policy not named {@code default}: Istio ignores it.
 */
@RuleInfo(
    id = "TLS009",
    name = "namespace-policy-not-default",
    severity = Severity.WARNING,
    summary = "A namespace-wide authentication Policy not named default is ignored",
    kinds = {"Policy"})
public final class NamespacePolicyNotDefault implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.NAMESPACE_POLICY_NOT_DEFAULT)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
