package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.IgnoredConfig;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A {@code portLevelSettings} entry without {@code tls}: port-level settings replace the whole top-level policy, so
 * the rule's tls does not apply to that port.
 */
@RuleInfo(
    id = "TLS015",
    name = "port-level-settings-drop-tls",
    severity = Severity.WARNING,
    summary = "A portLevelSettings entry without tls drops the rule's top-level tls for that port",
    kinds = {"DestinationRule"})
public final class PortLevelSettingsDropTls implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (IgnoredConfig i : ctx.tls().ignored(IgnoredConfig.Cause.PORT_LEVEL_DROPS_TLS)) {
      ctx.report(i.resource(), i.at(), i.message(), i.related());
    }
  }
}
