package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.ServerTLSSettings;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Two Gateways on the same workloads serve the same certificate. */
@RuleInfo(
    id = "ROUTE010",
    name = "duplicate-gateway-certificate",
    severity = Severity.WARNING,
    summary = "Gateways on the same workloads use the same certificate, which breaks HTTP/2 connection reuse",
    istioCode = "IST0138",
    kinds = {"Gateway"})
public final class DuplicateGatewayCertificate implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<Gateway> gateways = ctx.mesh().gateways();
    // the gateways (by index) using each certificate: only those can share one
    Map<String, List<Integer>> byCertificate = new HashMap<>();
    for (int i = 0; i < gateways.size(); i++) {
      for (Gateway.Server s : gateways.get(i).servers()) {
        Optional<Located<String>> c = certificate(s.tls());
        if (c.isPresent()) {
          List<Integer> l = byCertificate.computeIfAbsent(c.get().value(), k -> new ArrayList<>());
          if (l.isEmpty() || l.get(l.size() - 1) != i) {
            l.add(i);
          }
        }
      }
    }
    for (Gateway gw : gateways) {
      Map<String, String> selector = gw.selectorValues();
      TreeSet<Integer> candidates = new TreeSet<>();
      for (Gateway.Server s : gw.servers()) {
        certificate(s.tls()).ifPresent(c -> candidates.addAll(byCertificate.get(c.value())));
      }
      for (int index : candidates) {
        Gateway other = gateways.get(index);
        if (other == gw || other.id().equals(gw.id())) {
          continue;
        }
        // istioctl: the other gateway's workloads carry at least this gateway's selector labels
        if (!other.selectorValues().entrySet().containsAll(selector.entrySet())) {
          continue;
        }
        Optional<Shared> shared = sharedCertificate(gw, other);
        if (shared.isEmpty()) {
          continue;
        }
        Located<String> mine = shared.get().mine();
        Located<String> theirs = shared.get().theirs();
        ctx.report(
            gw,
            mine,
            "certificate "
                + mine.value()
                + " is also served by gateway "
                + ConflictingGateways.qualified(other)
                + " on the same workloads; clients reusing an HTTP/2 connection get 404 for the other hosts, give"
                + " each Gateway its own certificate or merge the servers",
            List.of(RelatedLocation.of(theirs.span(), "same certificate", other.ref())));
      }
    }
  }

  private record Shared(Located<String> mine, Located<String> theirs) {}

  private static Optional<Shared> sharedCertificate(Gateway a, Gateway b) {
    for (Gateway.Server sa : a.servers()) {
      Optional<Located<String>> ca = certificate(sa.tls());
      if (ca.isEmpty()) {
        continue;
      }
      for (Gateway.Server sb : b.servers()) {
        Optional<Located<String>> cb = certificate(sb.tls());
        if (cb.isPresent() && cb.get().value().equals(ca.get().value())) {
          return Optional.of(new Shared(ca.get(), cb.get()));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Located<String>> certificate(Optional<ServerTLSSettings> tls) {
    if (tls.isEmpty()) {
      return Optional.empty();
    }
    if (tls.get().credentialName().filter(c -> !c.value().isBlank()).isPresent()) {
      return tls.get().credentialName();
    }
    return tls.get().serverCertificate().filter(c -> !c.value().isBlank());
  }
}
