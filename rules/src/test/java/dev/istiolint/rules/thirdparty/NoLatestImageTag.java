package dev.istiolint.rules.thirdparty;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.PodTemplateOwner;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A rule as a third party would ship it: in its own jar and package, registered in
 * {@code META-INF/services/dev.istiolint.core.rule.LintRule}. It must run like a built-in rule.
 */
@RuleInfo(
    id = "SCHEMA901",
    name = "no-latest-image-tag",
    severity = Severity.WARNING,
    summary = "A container image uses the latest tag",
    kinds = {"Deployment", "Pod"})
public final class NoLatestImageTag implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (PodTemplateOwner owner : ctx.mesh().ofType(PodTemplateOwner.class)) {
      for (Container c : owner.template().containers()) {
        c.image()
            .filter(i -> i.value().endsWith(":latest"))
            .ifPresent(i -> ctx.report(owner, i, "image " + i.value() + " uses the latest tag; pin a version"));
      }
    }
  }
}
