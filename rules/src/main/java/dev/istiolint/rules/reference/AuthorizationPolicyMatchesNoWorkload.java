package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.WorkloadSelection;
import java.util.List;

/** An AuthorizationPolicy applies to no workload: its selector (or its namespace) has none. */
@RuleInfo(
    id = "REF010",
    name = "authorization-policy-matches-no-workload",
    severity = Severity.WARNING,
    summary = "An AuthorizationPolicy applies to no workload: nothing in its namespace matches its selector",
    istioCode = "IST0127",
    kinds = {"AuthorizationPolicy", "Deployment", "Pod"})
public final class AuthorizationPolicyMatchesNoWorkload implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    if (ctx.mesh().workloads().isEmpty()) {
      if (!ctx.mesh().authorizationPolicies().isEmpty()) {
        ctx.notApplicable("the input has no workloads (Deployments, Pods, ...), so policy targets cannot be checked");
      }
      return;
    }
    String root = ctx.mesh().settings().root();
    for (AuthorizationPolicy ap : ctx.mesh().authorizationPolicies()) {
      if (!ap.targetRefs().isEmpty()) {
        continue;
      }
      boolean meshWide = ap.namespace().equals(root);
      boolean noSelector = WorkloadSelection.isEmpty(ap.selector());
      if (meshWide && noSelector) {
        continue; // applies to the whole mesh
      }
      List<Workload> selected =
          meshWide
              ? ctx.mesh().workloadsMatchingAnywhere(ap.selector().get())
              : WorkloadSelection.selected(ctx.mesh(), ap.namespace(), ap.selector());
      if (!selected.isEmpty()) {
        continue;
      }
      ctx.report(
          ap,
          WorkloadSelection.field(ap.selector(), ap),
          noSelector
              ? "namespace "
                  + ap.namespace()
                  + " has no workloads, so this namespace-wide policy applies to nothing; check the namespace"
              : "selector "
                  + WorkloadSelection.text(ap.selector().get())
                  + " matches no workload "
                  + (meshWide ? "in the mesh" : "in namespace " + ap.namespace())
                  + ", so this policy applies to nothing; fix the labels or move the policy");
    }
  }
}
