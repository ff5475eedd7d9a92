package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.KubernetesGateway;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** None of a VirtualService's hosts is served by a gateway it binds to. */
@RuleInfo(
    id = "ROUTE006",
    name = "host-not-in-gateway",
    severity = Severity.WARNING,
    summary = "A VirtualService binds to a gateway whose servers accept none of its hosts",
    istioCode = "IST0132",
    kinds = {"VirtualService", "Gateway"})
public final class HostNotInGateway implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (Located<String> written : vs.gateways()) {
        GatewayReference ref = GatewayReference.parse(written, vs.namespace());
        if (ref.isMesh() || ref.isInternal()) {
          continue;
        }
        Optional<Resource> target = ctx.mesh().byId(new ResourceId("Gateway", ref.namespace(), ref.name()));
        List<String> served;
        if (target.isEmpty()) {
          served = List.of();
        } else if (target.get() instanceof Gateway gw) {
          served = hostsFor(gw, vs.namespace());
        } else if (target.get() instanceof KubernetesGateway kgw) {
          served = new ArrayList<>();
          for (KubernetesGateway.Listener l : kgw.listeners()) {
            served.add(l.hostname().map(Located::value).orElse("*"));
          }
        } else {
          continue;
        }
        if (anyMatch(served, vs)) {
          continue;
        }
        List<String> hosts = vs.hosts().stream().map(Located::value).toList();
        ctx.report(
            vs,
            written,
            "gateway "
                + ref.qualified()
                + (target.isEmpty()
                    ? " is not defined, so it serves none of the hosts "
                    : served.isEmpty()
                        ? " accepts no hosts for namespace " + vs.namespace() + ", so it serves none of the hosts "
                        : " accepts only " + String.join(", ", served) + " here, none of the hosts ")
                + String.join(", ", hosts)
                + "; add a host to a Gateway server or bind the VirtualService to the gateway that serves it");
      }
    }
  }

  /** The hosts a Gateway accepts for VirtualServices of {@code vsNamespace} ({@code ns/host} restrictions applied). */
  private static List<String> hostsFor(Gateway gw, String vsNamespace) {
    List<String> out = new ArrayList<>();
    for (Gateway.Server server : gw.servers()) {
      for (Located<String> h : server.hosts()) {
        String v = h.value();
        int slash = v.indexOf('/');
        if (slash < 0) {
          out.add(v);
          continue;
        }
        String ns = v.substring(0, slash);
        if (ns.equals(".")) {
          ns = gw.namespace();
        }
        if (ns.equals("*") || ns.equals(vsNamespace)) {
          out.add(v.substring(slash + 1));
        }
      }
    }
    return out;
  }

  private static boolean anyMatch(List<String> served, VirtualService vs) {
    for (String g : served) {
      for (Located<String> h : vs.hosts()) {
        if (HostName.of(g).matchesSymmetric(HostName.of(h.value()))) {
          return true;
        }
      }
    }
    return false;
  }
}
