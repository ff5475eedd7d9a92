package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/** A Pod uses {@code image: auto} but is not injected, so the image cannot be pulled. */
@RuleInfo(
    id = "SCHEMA112",
    name = "pod-image-auto-not-injected",
    severity = Severity.ERROR,
    summary = "A Pod uses image auto but is not injected, so the image named auto cannot be pulled",
    istioCode = "IST0147",
    kinds = {"Pod", "Namespace"})
public final class ImageAutoInPod implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    ImageAutoWithoutInjection.check(
        ctx, true, "the pod cannot start; enable injection for it or set a real proxy image");
  }
}
