package dev.istiolint.cli;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/** A test-only third-party rule (found through ServiceLoader) that fails on a resource named {@code explode}. */
@RuleInfo(id = "LINT900", name = "test-explodes", severity = Severity.ERROR, summary = "Fails on purpose in tests")
public final class ExplodingRule implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.mesh().all()) {
      if (r.name().equals("explode")) {
        throw new IllegalStateException("boom");
      }
    }
    ctx.notApplicable("no resource is named explode");
  }
}
