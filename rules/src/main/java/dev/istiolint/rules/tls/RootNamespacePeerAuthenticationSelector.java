package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A PeerAuthentication with a selector in the root namespace: Istio never applies it.
 */
@RuleInfo(
    id = "TLS006",
    name = "root-namespace-peer-authentication-selector",
    severity = Severity.WARNING,
    summary = "A PeerAuthentication with a selector in the root namespace is ignored",
    kinds = {"PeerAuthentication"})
public final class RootNamespacePeerAuthenticationSelector implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.ROOT_NAMESPACE_SELECTOR_POLICY)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
