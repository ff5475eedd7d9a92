package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayReference;
import dev.istiolint.rules.internal.VirtualServiceHosts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Two VirtualServices bound to the same named gateway claim overlapping hosts. */
@RuleInfo(
    id = "ROUTE002",
    name = "conflicting-gateway-hosts",
    severity = Severity.WARNING,
    summary = "Several VirtualServices bound to the same named gateway claim overlapping hosts",
    kinds = {"VirtualService", "Gateway"})
public final class ConflictingGatewayHosts implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<VirtualService> all =
        ctx.mesh().virtualServices().stream().filter(v -> !namedGateways(v).isEmpty()).toList();
    VirtualServiceHosts index = VirtualServiceHosts.index(all);
    for (VirtualService vs : all) {
      Set<String> mine = namedGateways(vs);
      if (mine.isEmpty()) {
        continue;
      }
      for (Located<String> host : vs.hosts()) {
        List<VirtualServiceHosts.Claim> clashes = new ArrayList<>();
        Set<String> shared = new LinkedHashSet<>();
        for (VirtualServiceHosts.Claim c : index.conflicts(vs, host)) {
          Set<String> theirs = namedGateways(c.virtualService());
          theirs.retainAll(mine);
          if (!theirs.isEmpty()) {
            clashes.add(c);
            shared.addAll(theirs);
          }
        }
        if (clashes.isEmpty()) {
          continue;
        }
        ctx.report(
            vs,
            host,
            "host "
                + HostName.expand(host.value(), vs.namespace()).value()
                + " on gateway "
                + String.join(", ", shared)
                + " is also claimed by "
                + VirtualServiceHosts.names(clashes)
                + "; the gateway serves one VirtualService per host, merge their routes",
            VirtualServiceHosts.related(clashes));
        break;
      }
    }
  }

  private static Set<String> namedGateways(VirtualService vs) {
    Set<String> out = new LinkedHashSet<>();
    for (Located<String> g : vs.gateways()) {
      GatewayReference ref = GatewayReference.parse(g, vs.namespace());
      if (!ref.isMesh()) {
        out.add(ref.qualified());
      }
    }
    return out;
  }
}
