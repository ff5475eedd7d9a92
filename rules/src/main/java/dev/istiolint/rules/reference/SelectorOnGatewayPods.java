package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.PolicyTargetReference;
import dev.istiolint.core.model.RequestAuthentication;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.model.WasmPlugin;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.WorkloadSelection;
import java.util.List;
import java.util.Optional;

/** A policy selects the pods of a Kubernetes Gateway with a label selector, which Istio ignores for them. */
@RuleInfo(
    id = "REF016",
    name = "selector-on-kubernetes-gateway",
    severity = Severity.WARNING,
    summary = "A policy selects Kubernetes Gateway pods with a label selector, which has no effect; use targetRefs",
    istioCode = "IST0166",
    kinds = {"AuthorizationPolicy", "RequestAuthentication", "Telemetry", "WasmPlugin", "Pod", "Deployment"})
public final class SelectorOnGatewayPods implements LintRule {

  static final String GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name";

  @Override
  public void check(RuleContext ctx) {
    for (AuthorizationPolicy p : ctx.mesh().authorizationPolicies()) {
      check(ctx, p, p.selector(), p.targetRefs());
    }
    for (RequestAuthentication p : ctx.mesh().requestAuthentications()) {
      check(ctx, p, p.selector(), p.targetRefs());
    }
    for (Telemetry p : ctx.mesh().telemetries()) {
      check(ctx, p, p.selector(), p.targetRefs());
    }
    for (WasmPlugin p : ctx.mesh().wasmPlugins()) {
      check(ctx, p, p.selector(), p.targetRefs());
    }
  }

  private static void check(
      RuleContext ctx, Resource policy, Optional<LabelSelector> selector, List<PolicyTargetReference> targetRefs) {
    if (!targetRefs.isEmpty() || WorkloadSelection.isEmpty(selector)) {
      return;
    }
    Optional<Workload> gatewayPod =
        WorkloadSelection.selected(ctx.mesh(), policy.namespace(), selector).stream()
            .filter(w -> w.labels().containsKey(GATEWAY_NAME))
            .findFirst();
    if (gatewayPod.isEmpty()) {
      return;
    }
    String gateway = gatewayPod.get().labels().get(GATEWAY_NAME).value();
    ctx.report(
        policy,
        WorkloadSelection.field(selector, policy),
        "the selector picks the pods of Kubernetes Gateway "
            + gateway
            + ", where label selectors have no effect; attach the "
            + policy.kind()
            + " with targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: "
            + gateway
            + "}]");
  }
}
