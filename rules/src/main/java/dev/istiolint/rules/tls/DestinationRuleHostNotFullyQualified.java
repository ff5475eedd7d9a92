package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A DestinationRule host such as {@code httpbin.foo}: it has a dot, so Istio does not expand it, and it matches
 * nothing.
 */
@RuleInfo(
    id = "TLS011",
    name = "destination-rule-host-not-fully-qualified",
    severity = Severity.WARNING,
    summary = "A DestinationRule host with a dot is used verbatim and matches no service",
    kinds = {"DestinationRule", "Service"})
public final class DestinationRuleHostNotFullyQualified implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.PARTIAL_HOST)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
