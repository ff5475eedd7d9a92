package dev.istiolint.rules.authz;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.RequestAuthentication;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayReference;
import dev.istiolint.rules.internal.GatewayWorkloads;
import java.util.List;
import java.util.Optional;

/** A gateway route matches on JWT claims, but no RequestAuthentication applies to the gateway's pods. */
@RuleInfo(
    id = "AUTHZ003",
    name = "jwt-claim-route-without-authentication",
    severity = Severity.ERROR,
    summary = "A gateway route matches on JWT claims but no RequestAuthentication validates tokens on that gateway",
    istioCode = "IST0149",
    kinds = {"VirtualService", "Gateway", "RequestAuthentication"})
public final class JwtClaimRouteWithoutAuthentication implements LintRule {

  static final String CLAIMS = "@request.auth.claims";

  @Override
  public void check(RuleContext ctx) {
    String root = ctx.mesh().settings().root();
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      Optional<VirtualService.Match> claimMatch =
          vs.http().stream()
              .flatMap(r -> r.match().stream())
              .filter(m -> m.conditions().contains(CLAIMS))
              .findFirst();
      if (claimMatch.isEmpty()) {
        continue;
      }
      for (Located<String> written : vs.gateways()) {
        GatewayReference ref = GatewayReference.parse(written, vs.namespace());
        if (ref.isMesh()) {
          continue;
        }
        Optional<Resource> target = ctx.mesh().byId(new ResourceId("Gateway", ref.namespace(), ref.name()));
        if (target.isEmpty() || !(target.get() instanceof Gateway gw)) {
          continue;
        }
        List<Workload> pods = GatewayWorkloads.selectedBy(ctx.mesh(), gw);
        if (pods.isEmpty()) {
          continue;
        }
        boolean authenticated = pods.stream().allMatch(w -> authenticated(ctx, w, root));
        if (!authenticated) {
          ctx.report(
              vs,
              Located.of("match", claimMatch.get().span()),
              "this match routes on JWT claims ("
                  + CLAIMS
                  + ".*) through gateway "
                  + ref.qualified()
                  + ", but no RequestAuthentication applies to its pods, so the claims are never set and the route"
                  + " never matches; add a RequestAuthentication selecting the gateway");
          break;
        }
      }
    }
  }

  private static boolean authenticated(RuleContext ctx, Workload w, String root) {
    return authenticatedBy(ctx.mesh().requestAuthenticationsIn(w.namespace()), w)
        || (!root.equals(w.namespace()) && authenticatedBy(ctx.mesh().requestAuthenticationsIn(root), w));
  }

  private static boolean authenticatedBy(List<RequestAuthentication> policies, Workload w) {
    for (RequestAuthentication ra : policies) {
      if (ra.selector().isEmpty() || ra.selector().get().isEmpty() || ra.selector().get().matches(w.labelValues())) {
        return true;
      }
    }
    return false;
  }
}
