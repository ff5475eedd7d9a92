package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.List;
import java.util.Optional;

/** A Sidecar egress host names a host that no Service or ServiceEntry of that namespace provides. */
@RuleInfo(
    id = "REF014",
    name = "sidecar-egress-host-matches-nothing",
    severity = Severity.WARNING,
    summary = "A Sidecar egress host matches no Service or ServiceEntry host in the namespace it names",
    kinds = {"Sidecar", "Service", "ServiceEntry"})
public final class SidecarEgressHostMatchesNothing implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    if (ctx.mesh().services().isEmpty() && ctx.mesh().serviceEntries().isEmpty()) {
      if (!ctx.mesh().sidecars().isEmpty()) {
        ctx.notApplicable("the input has no Service or ServiceEntry, so Sidecar egress hosts cannot be checked");
      }
      return;
    }
    List<ServiceEntry> wildcardEntries =
        ctx.mesh().serviceEntries().stream()
            .filter(se -> se.hostNames().stream().anyMatch(HostName::isWildcard))
            .toList();
    for (Sidecar sc : ctx.mesh().sidecars()) {
      for (Sidecar.EgressListener egress : sc.egress()) {
        for (Located<String> entry : egress.hosts()) {
          String v = entry.value();
          int slash = v.indexOf('/');
          if (slash < 0) {
            continue; // malformed: the schema reports it
          }
          String ns = v.substring(0, slash);
          String host = v.substring(slash + 1);
          if (host.equals("*") || ns.equals("~")) {
            continue;
          }
          String namespace = ns.equals(".") ? sc.namespace() : ns;
          if (!matchesAny(ctx, namespace, HostName.of(host), wildcardEntries)) {
            ctx.report(
                sc,
                entry,
                "egress host "
                    + v
                    + " matches no Service or ServiceEntry host"
                    + (namespace.equals("*") ? "" : " in namespace " + namespace)
                    + ", so it imports nothing; correct the host or the namespace");
          }
        }
      }
    }
  }

  private static boolean matchesAny(
      RuleContext ctx, String namespace, HostName pattern, List<ServiceEntry> wildcardEntries) {
    if (!pattern.isWildcard()) {
      return matchesExact(ctx, namespace, pattern, wildcardEntries);
    }
    boolean anywhere = namespace.equals("*");
    for (Service s : anywhere ? ctx.mesh().services() : ctx.mesh().servicesIn(namespace)) {
      if (pattern.matchesSymmetric(s.hostName())) {
        return true;
      }
    }
    for (ServiceEntry se : anywhere ? ctx.mesh().serviceEntries() : ctx.mesh().serviceEntriesIn(namespace)) {
      for (HostName h : se.hostNames()) {
        if (pattern.matchesSymmetric(h)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@link #matchesAny} for a host without wildcard: a Service or ServiceEntry with exactly that host, or a wildcard
   * ServiceEntry host that covers it (found through the snapshot's host indexes, not by trying every service).
   */
  private static boolean matchesExact(
      RuleContext ctx, String namespace, HostName pattern, List<ServiceEntry> wildcardEntries) {
    boolean anywhere = namespace.equals("*");
    Optional<Service> service = ctx.mesh().serviceByHost(pattern);
    if (service.isPresent() && (anywhere || service.get().namespace().equals(namespace))) {
      return true;
    }
    for (ServiceEntry se : ctx.mesh().serviceEntriesByHost(pattern)) {
      if (anywhere || se.namespace().equals(namespace)) {
        return true;
      }
    }
    for (ServiceEntry se : wildcardEntries) {
      if (!anywhere && !se.namespace().equals(namespace)) {
        continue;
      }
      for (HostName h : se.hostNames()) {
        if (h.isWildcard() && pattern.matchesSymmetric(h)) {
          return true;
        }
      }
    }
    return false;
  }
}
