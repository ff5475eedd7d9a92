package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A DestinationRule with a workloadSelector takes its namespace's slot for the host: clients it does not select get
 * no rule at all instead of the broader one.
 */
@RuleInfo(
    id = "TLS013",
    name = "workload-selector-shadows-destination-rule",
    severity = Severity.WARNING,
    summary = "A workloadSelector DestinationRule leaves the clients it does not select without any rule for the host",
    kinds = {"DestinationRule"})
public final class WorkloadSelectorShadowsDestinationRule implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.SELECTOR_SHADOWS_BROADER_RULE)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
