package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Port;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.rules.internal.GatewayWorkloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Gateways with the same selector declare the same port for overlapping hosts. */
@RuleInfo(
    id = "ROUTE008",
    name = "conflicting-gateways",
    severity = Severity.ERROR,
    summary = "Gateways with the same selector declare the same port for overlapping hosts",
    istioCode = "IST0145",
    kinds = {"Gateway"})
public final class ConflictingGateways implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<Gateway> gateways = ctx.mesh().gateways();
    // per port number, the gateways declaring it by exact host, and those with a wildcard or empty host there:
    // only those can conflict with a server on that port
    Map<Integer, PortHosts> byPort = new HashMap<>();
    for (int i = 0; i < gateways.size(); i++) {
      for (Gateway.Server server : gateways.get(i).servers()) {
        Optional<Located<Integer>> n = server.port().flatMap(Port::number);
        if (n.isPresent()) {
          byPort.computeIfAbsent(n.get().value(), k -> new PortHosts()).add(i, server);
        }
      }
    }
    Map<Gateway, Set<ResourceId>> selected = new IdentityHashMap<>();
    for (Gateway gw : gateways) {
      for (Gateway.Server server : gw.servers()) {
        Optional<Located<Integer>> number = server.port().flatMap(Port::number);
        if (number.isEmpty()) {
          continue;
        }
        TreeSet<String> others = new TreeSet<>();
        List<RelatedLocation> related = new ArrayList<>();
        for (Gateway other : byPort.get(number.get().value()).candidates(server, gateways)) {
          if (other == gw || other.id().equals(gw.id()) || !sameWorkloads(ctx, gw, other, selected)) {
            continue;
          }
          for (Gateway.Server os : other.servers()) {
            Optional<Located<Integer>> on = os.port().flatMap(Port::number);
            if (on.isPresent() && on.get().value().equals(number.get().value()) && overlap(server, os)) {
              others.add(qualified(other));
              related.add(RelatedLocation.of(on.get().span(), "also declares port " + on.get().value(), other.ref()));
              break;
            }
          }
        }
        if (!others.isEmpty()) {
          ctx.report(
              gw,
              number.get(),
              "port "
                  + number.get().value()
                  + " for hosts "
                  + String.join(", ", server.hosts().stream().map(Located::value).toList())
                  + " is also declared by gateway "
                  + String.join(", ", others)
                  + " for the same gateway workloads (selector "
                  + GatewayWorkloads.selectorText(gw)
                  + ")"
                  + "; merge the servers into one Gateway or use distinct hosts or ports",
              related);
        }
      }
    }
  }

  /** The gateways (by index) declaring one port number, by the hosts they declare it for. */
  private static final class PortHosts {
    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final List<Integer> wide = new ArrayList<>();
    private final List<Integer> all = new ArrayList<>();

    void add(int gateway, Gateway.Server server) {
      addOnce(all, gateway);
      for (Located<String> h : server.hosts()) {
        String host = bare(h.value());
        if (host.isEmpty() || host.startsWith("*")) {
          addOnce(wide, gateway);
        } else {
          addOnce(exact.computeIfAbsent(host, k -> new ArrayList<>()), gateway);
        }
      }
    }

    private static void addOnce(List<Integer> list, int gateway) {
      if (list.isEmpty() || list.get(list.size() - 1) != gateway) {
        list.add(gateway);
      }
    }

    /**
     * The gateways, in order, that may declare this port for a host overlapping one of {@code server}'s: every one
     * when the server has a wildcard or empty host, else those with the same host or a wildcard.
     */
    List<Gateway> candidates(Gateway.Server server, List<Gateway> gateways) {
      java.util.TreeSet<Integer> indexes = new java.util.TreeSet<>();
      for (Located<String> h : server.hosts()) {
        String host = bare(h.value());
        if (host.isEmpty() || host.startsWith("*")) {
          indexes.addAll(all);
          break;
        }
        indexes.addAll(exact.getOrDefault(host, List.of()));
      }
      indexes.addAll(wide);
      List<Gateway> out = new ArrayList<>(indexes.size());
      indexes.forEach(i -> out.add(gateways.get(i)));
      return out;
    }
  }

  /** Same selector, or selectors that pick at least one common gateway workload. */
  private static boolean sameWorkloads(
      RuleContext ctx, Gateway a, Gateway b, Map<Gateway, Set<ResourceId>> selected) {
    if (a.selectorValues().equals(b.selectorValues())) {
      return true;
    }
    Set<ResourceId> mine = selectedIds(ctx, a, selected);
    return selectedIds(ctx, b, selected).stream().anyMatch(mine::contains);
  }

  /** The ids of the workloads a Gateway selects, computed once per gateway. */
  private static Set<ResourceId> selectedIds(RuleContext ctx, Gateway gw, Map<Gateway, Set<ResourceId>> selected) {
    Set<ResourceId> ids = selected.get(gw);
    if (ids == null) {
      ids = new HashSet<>();
      for (Workload w : GatewayWorkloads.selectedBy(ctx.mesh(), gw)) {
        ids.add(w.id());
      }
      selected.put(gw, ids);
    }
    return ids;
  }

  private static boolean overlap(Gateway.Server a, Gateway.Server b) {
    for (Located<String> x : a.hosts()) {
      for (Located<String> y : b.hosts()) {
        if (HostName.of(bare(x.value())).matchesSymmetric(HostName.of(bare(y.value())))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String bare(String host) {
    int slash = host.indexOf('/');
    return slash < 0 ? host : host.substring(slash + 1);
  }

  static String qualified(Gateway gw) {
    return gw.namespace().isEmpty() ? gw.name() : gw.namespace() + "/" + gw.name();
  }
}
