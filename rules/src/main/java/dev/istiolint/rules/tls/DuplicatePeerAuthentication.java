package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A newer namespace- or mesh-wide PeerAuthentication beside an older one: only the oldest applies.
 */
@RuleInfo(
    id = "TLS007",
    name = "duplicate-peer-authentication",
    severity = Severity.WARNING,
    summary = "A second namespace- or mesh-wide PeerAuthentication is ignored; only the oldest applies",
    kinds = {"PeerAuthentication"})
public final class DuplicatePeerAuthentication implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.DUPLICATE_PEER_AUTHENTICATION)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
