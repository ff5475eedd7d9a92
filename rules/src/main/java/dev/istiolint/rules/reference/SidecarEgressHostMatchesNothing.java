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
          if (!matchesAny(ctx, namespace, HostName.of(host))) {
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

  private static boolean matchesAny(RuleContext ctx, String namespace, HostName pattern) {
    for (Service s : ctx.mesh().services()) {
      if ((namespace.equals("*") || s.namespace().equals(namespace)) && pattern.matchesSymmetric(s.hostName())) {
        return true;
      }
    }
    for (ServiceEntry se : ctx.mesh().serviceEntries()) {
      if (namespace.equals("*") || se.namespace().equals(namespace)) {
        for (HostName h : se.hostNames()) {
          if (pattern.matchesSymmetric(h)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
