package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway VirtualService routes to a host without subset, while a mesh VirtualService splits that host by subset:
 * the subset rules do not apply to gateway traffic.
 */
@RuleInfo(
    id = "ROUTE007",
    name = "ingress-ignores-mesh-subsets",
    severity = Severity.WARNING,
    summary = "A gateway route sends traffic to a host whose subset routing lives in a mesh-only VirtualService",
    istioCode = "IST0140",
    kinds = {"VirtualService"})
public final class IngressIgnoresMeshSubsets implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<VirtualService> all = ctx.mesh().virtualServices();
    // the mesh VirtualServices claiming each host, in order: only those can route it to a subset
    Map<HostName, List<VirtualService>> claimers = new HashMap<>();
    for (VirtualService other : all) {
      if (!other.appliesToMesh()) {
        continue;
      }
      for (Located<String> h : other.hosts()) {
        List<VirtualService> l =
            claimers.computeIfAbsent(HostName.expand(h.value(), other.namespace()), k -> new ArrayList<>());
        if (l.isEmpty() || l.get(l.size() - 1) != other) {
          l.add(other);
        }
      }
    }
    for (VirtualService vs : all) {
      List<String> gateways = namedGateways(vs);
      if (gateways.isEmpty()) {
        continue;
      }
      for (VirtualService.Route route : vs.http()) {
        for (VirtualService.RouteDestination rd : route.route()) {
          VirtualService.Destination d = rd.destination();
          if (d.subset().isPresent()) {
            continue;
          }
          HostName host = HostName.expand(d.host().value(), vs.namespace());
          for (VirtualService other : claimers.getOrDefault(host, List.of())) {
            if (other == vs || sharesGateway(other, gateways)) {
              continue;
            }
            Optional<Located<String>> subset = subsetRoutingFor(other, host);
            if (subset.isEmpty()) {
              continue;
            }
            ctx.report(
                vs,
                d.host(),
                "requests from gateway "
                    + String.join(", ", gateways)
                    + " to "
                    + host.value()
                    + " ignore the subset routing of VirtualService "
                    + qualified(other)
                    + ", which applies to sidecars only; add a subset here or add the gateway to "
                    + qualified(other),
                List.of(RelatedLocation.of(subset.get().span(), "subset routing for sidecars only", other.ref())));
            break;
          }
        }
      }
    }
  }

  /** A subset the other VirtualService routes {@code host} to, if it claims the host. */
  private static Optional<Located<String>> subsetRoutingFor(VirtualService other, HostName host) {
    boolean claims =
        other.hosts().stream().anyMatch(h -> HostName.expand(h.value(), other.namespace()).equals(host));
    if (!claims) {
      return Optional.empty();
    }
    for (VirtualService.Route r : other.http()) {
      for (VirtualService.RouteDestination rd : r.route()) {
        if (rd.destination().subset().isPresent()
            && HostName.expand(rd.destination().host().value(), other.namespace()).equals(host)) {
          return rd.destination().subset();
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> namedGateways(VirtualService vs) {
    List<String> out = new ArrayList<>();
    for (Located<String> g : vs.gateways()) {
      GatewayReference ref = GatewayReference.parse(g, vs.namespace());
      if (!ref.isMesh()) {
        out.add(ref.qualified());
      }
    }
    return out;
  }

  private static boolean sharesGateway(VirtualService other, List<String> gateways) {
    return namedGateways(other).stream().anyMatch(gateways::contains);
  }

  private static String qualified(VirtualService vs) {
    return vs.namespace().isEmpty() ? vs.name() : vs.namespace() + "/" + vs.name();
  }
}
