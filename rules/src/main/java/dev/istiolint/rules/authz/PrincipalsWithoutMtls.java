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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, ServerModes> byHost = serverModesByHost(ctx.tls());
    String root = ctx.mesh().settings().root();
    Outcome wholeMesh = null;
    for (AuthorizationPolicy ap : policies) {
      if (!ap.targetRefs().isEmpty()) {
        continue;
      }
      Outcome outcome;
      if (ap.namespace().equals(root) && WorkloadSelection.isEmpty(ap.selector())) {
        // every such policy applies to the same workloads: judge them once
        if (wholeMesh == null) {
          wholeMesh = outcome(ctx, ctx.mesh().workloads(), byHost);
        }
        outcome = wholeMesh;
      } else {
        List<Workload> workloads =
            ap.namespace().equals(root)
                ? ctx.mesh().workloadsMatchingAnywhere(ap.selector().get())
                : WorkloadSelection.selected(ctx.mesh(), ap.namespace(), ap.selector());
        outcome = outcome(ctx, workloads, byHost);
      }
      if (outcome.anyMtls() || outcome.plaintext().isEmpty()) {
        continue;
      }
      Located<String> at = firstIdentityCondition(ap).get();
      ctx.report(
          ap,
          at,
          "condition "
              + at.value()
              + " needs the client's mTLS identity, but "
              + String.join(", ", outcome.plaintext())
              + " accepts only plaintext (PeerAuthentication mode DISABLE), so it never matches; enable mTLS for the"
              + " workload or match on something else");
    }
  }

  /** Which server modes the routes to one host have: DISABLE, and any other. */
  private static final class ServerModes {
    boolean disable;
    boolean other;
  }

  /** One pass over the route groups (every route of a group has the group's host and server mode). */
  private static Map<String, ServerModes> serverModesByHost(TlsMatrix tls) {
    Map<String, ServerModes> out = new HashMap<>();
    for (RouteGroup r : tls.groups()) {
      ServerModes m = out.computeIfAbsent(r.host(), h -> new ServerModes());
      if (r.serverMtls() == ServerMtls.DISABLE) {
        m.disable = true;
      } else {
        m.other = true;
      }
    }
    return out;
  }

  /** The sidecar workloads that receive only plaintext, and whether any route to them uses mTLS. */
  private record Outcome(TreeSet<String> plaintext, boolean anyMtls) {}

  private static Outcome outcome(RuleContext ctx, List<Workload> workloads, Map<String, ServerModes> byHost) {
    TreeSet<String> plaintext = new TreeSet<>();
    boolean anyMtls = false;
    for (Workload w : workloads) {
      if (!w.hasSidecar()) {
        continue;
      }
      for (Service s : ctx.mesh().servicesSelecting(w)) {
        ServerModes m = byHost.get(s.hostName().value());
        if (m == null) {
          continue;
        }
        if (m.disable) {
          plaintext.add(w.name());
        }
        anyMtls |= m.other;
      }
    }
    return new Outcome(plaintext, anyMtls);
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
