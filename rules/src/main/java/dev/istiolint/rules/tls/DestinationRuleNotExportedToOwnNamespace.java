package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A DestinationRule whose exportTo excludes its own namespace: clients in that namespace do not use it.
 */
@RuleInfo(
    id = "TLS012",
    name = "destination-rule-not-exported-to-own-namespace",
    severity = Severity.WARNING,
    summary = "A DestinationRule whose exportTo excludes its own namespace is not used by clients there",
    kinds = {"DestinationRule"})
public final class DestinationRuleNotExportedToOwnNamespace implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.EXPORT_EXCLUDES_OWN_NAMESPACE)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
