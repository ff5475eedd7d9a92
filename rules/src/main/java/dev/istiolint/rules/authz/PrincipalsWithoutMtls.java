package dev.istiolint.rules.authz;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.engine.tls.RouteGroup;
import dev.istiolint.core.engine.tls.ServerMtls;
import dev.istiolint.core.engine.tls.TlsMatrix;
import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.WorkloadSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An AuthorizationPolicy condition on peer identity (principals, namespaces) for workloads that receive no mTLS:
 * without mTLS there is no peer identity, so the condition never matches.
 */
@RuleInfo(
    id = "AUTHZ001",
    name = "principals-without-mtls",
    severity = Severity.WARNING,
    summary = "An AuthorizationPolicy matches peer identities of workloads that accept no mTLS, so it never matches",
    kinds = {"AuthorizationPolicy", "PeerAuthentication", "DestinationRule", "Service"})
public final class PrincipalsWithoutMtls implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<AuthorizationPolicy> policies =
        ctx.mesh().authorizationPolicies().stream().filter(ap -> firstIdentityCondition(ap).isPresent()).toList();
    if (policies.isEmpty()) {
      return;
    }
    TlsMatrix tls = ctx.tls();
    String root = ctx.mesh().settings().root();
    for (AuthorizationPolicy ap : policies) {
      if (!ap.targetRefs().isEmpty()) {
        continue;
      }
      List<Workload> workloads =
          ap.namespace().equals(root)
              ? (WorkloadSelection.isEmpty(ap.selector())
                  ? ctx.mesh().workloads()
                  : ctx.mesh().workloads().stream().filter(w -> ap.selector().get().matches(w.labelValues())).toList())
              : WorkloadSelection.selected(ctx.mesh(), ap.namespace(), ap.selector());
      workloads = workloads.stream().filter(Workload::hasSidecar).toList();
      if (workloads.isEmpty()) {
        continue;
      }
      TreeSet<String> plaintext = new TreeSet<>();
      boolean anyMtls = false;
      for (Workload w : workloads) {
        List<String> hosts = new ArrayList<>();
        for (Service s : ctx.mesh().servicesSelecting(w)) {
          hosts.add(s.hostName().value());
        }
        // every route of a group has the group's host and server mode: no need to expand the routes
        for (RouteGroup r : tls.groups()) {
          if (!hosts.contains(r.host())) {
            continue;
          }
          if (r.serverMtls() == ServerMtls.DISABLE) {
            plaintext.add(w.name());
          } else {
            anyMtls = true;
          }
        }
      }
      if (anyMtls || plaintext.isEmpty()) {
        continue;
      }
      Located<String> at = firstIdentityCondition(ap).get();
      ctx.report(
          ap,
          at,
          "condition "
              + at.value()
              + " needs the client's mTLS identity, but "
              + String.join(", ", plaintext)
              + " accepts only plaintext (PeerAuthentication mode DISABLE), so it never matches; enable mTLS for the"
              + " workload or match on something else");
    }
  }

  private static Optional<Located<String>> firstIdentityCondition(AuthorizationPolicy ap) {
    for (AuthorizationPolicy.Rule rule : ap.rules()) {
      for (AuthorizationPolicy.Source s : rule.from()) {
        if (!s.principals().isEmpty()) {
          return Optional.of(s.principals().get(0));
        }
        if (!s.namespaces().isEmpty()) {
          return Optional.of(s.namespaces().get(0));
        }
      }
    }
    return Optional.empty();
  }
}
