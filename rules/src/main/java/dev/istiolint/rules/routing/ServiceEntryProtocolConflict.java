package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Port;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.ServiceRegistry;
import dev.istiolint.rules.internal.VirtualServiceHosts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** ServiceEntries seen together declare one host and port with different protocols. */
@RuleInfo(
    id = "ROUTE012",
    name = "service-entry-protocol-conflict",
    severity = Severity.WARNING,
    summary = "ServiceEntries declare the same host and port with different protocols; only one protocol takes effect",
    istioCode = "IST0177",
    kinds = {"ServiceEntry"})
public final class ServiceEntryProtocolConflict implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<ServiceEntry> all = ctx.mesh().serviceEntries();
    // the ServiceEntries (by index) listing each host: only those share a host
    Map<HostName, List<Integer>> byHost = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      for (HostName h : all.get(i).hostNames()) {
        List<Integer> l = byHost.computeIfAbsent(h, k -> new ArrayList<>());
        if (l.isEmpty() || l.get(l.size() - 1) != i) {
          l.add(i);
        }
      }
    }
    for (ServiceEntry se : all) {
      TreeSet<Integer> sharing = new TreeSet<>();
      se.hostNames().forEach(h -> sharing.addAll(byHost.get(h)));
      List<ServiceEntry> candidates = new ArrayList<>();
      sharing.forEach(i -> candidates.add(all.get(i)));
      boolean reported = false;
      for (Port port : se.ports()) {
        if (reported || port.number().isEmpty() || port.protocol().isEmpty()) {
          continue;
        }
        String protocol = port.protocol().get().value().toUpperCase(Locale.ROOT);
        TreeSet<String> others = new TreeSet<>();
        List<RelatedLocation> related = new ArrayList<>();
        for (ServiceEntry other : candidates) {
          if (other == se || other.id().equals(se.id()) || !sharesHost(se, other)) {
            continue;
          }
          if (!VirtualServiceHosts.seenTogether(
              ServiceRegistry.exportTo(se.exportTo(), se.namespace()),
              ServiceRegistry.exportTo(other.exportTo(), other.namespace()))) {
            continue;
          }
          for (Port op : other.ports()) {
            if (op.numberOrZero() == port.numberOrZero()
                && op.protocol().isPresent()
                && !op.protocol().get().value().toUpperCase(Locale.ROOT).equals(protocol)) {
              others.add(other.namespace().isEmpty() ? other.name() : other.namespace() + "/" + other.name());
              related.add(
                  RelatedLocation.of(
                      op.protocol().get().span(), "declares " + op.protocol().get().value(), other.ref()));
            }
          }
        }
        if (!others.isEmpty()) {
          Located<String> at = port.protocol().get();
          ctx.report(
              se,
              at,
              "port "
                  + port.numberOrZero()
                  + " is "
                  + at.value()
                  + " here but has another protocol in ServiceEntry "
                  + String.join(", ", others)
                  + " for the same host; only one takes effect, use one protocol per host and port",
              related);
          reported = true;
        }
      }
    }
  }

  private static boolean sharesHost(ServiceEntry a, ServiceEntry b) {
    for (HostName x : a.hostNames()) {
      for (HostName y : b.hostNames()) {
        if (x.equals(y)) {
          return true;
        }
      }
    }
    return false;
  }
}
