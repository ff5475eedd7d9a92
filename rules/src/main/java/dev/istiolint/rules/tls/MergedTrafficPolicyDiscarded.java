package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * Two DestinationRules for one host are merged and only the oldest trafficPolicy is kept: the newer one's is lost.
 */
@RuleInfo(
    id = "TLS014",
    name = "merged-traffic-policy-discarded",
    severity = Severity.WARNING,
    summary = "A DestinationRule's trafficPolicy is discarded because an older rule for the same host has one",
    kinds = {"DestinationRule"})
public final class MergedTrafficPolicyDiscarded implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.MERGED_POLICY_DISCARDED)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
