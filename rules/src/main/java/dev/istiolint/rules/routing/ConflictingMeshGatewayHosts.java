package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.VirtualServiceHosts;
import java.util.List;

/** Two VirtualServices for sidecars claim the same host in a namespace that sees both. */
@RuleInfo(
    id = "ROUTE001",
    name = "conflicting-mesh-gateway-hosts",
    severity = Severity.ERROR,
    summary = "Several VirtualServices bound to the mesh gateway claim the same host; only one of them takes effect",
    istioCode = "IST0109",
    kinds = {"VirtualService"})
public final class ConflictingMeshGatewayHosts implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<VirtualService> mesh = ctx.mesh().virtualServices().stream().filter(VirtualService::appliesToMesh).toList();
    VirtualServiceHosts index = VirtualServiceHosts.index(mesh);
    for (VirtualService vs : mesh) {
      for (Located<String> host : vs.hosts()) {
        List<VirtualServiceHosts.Claim> others = index.conflicts(vs, host);
        if (others.isEmpty()) {
          continue;
        }
        ctx.report(
            vs,
            host,
            "host "
                + HostName.expand(host.value(), vs.namespace()).value()
                + " is also claimed for the mesh gateway by "
                + VirtualServiceHosts.names(others)
                + "; only one VirtualService per host takes effect, merge their routes or separate them with exportTo",
            VirtualServiceHosts.related(others));
        break; // one finding per VirtualService, as istioctl
      }
    }
  }
}
