package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/** A workload template uses {@code image: auto} but its pods will not be injected. */
@RuleInfo(
    id = "SCHEMA111",
    name = "image-auto-without-injection",
    severity = Severity.WARNING,
    summary = "A pod template uses image auto, which only the sidecar injector replaces, but its pods are not injected",
    istioCode = "IST0146",
    kinds = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "Namespace"})
public final class ImageAutoInTemplate implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    ImageAutoWithoutInjection.check(
        ctx, false, "its pods would fail to pull image auto, enable injection for them or set a real proxy image");
  }
}
