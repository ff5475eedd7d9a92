package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.Participant;
import dev.istiolint.core.engine.tls.Provenance;
import dev.istiolint.core.engine.tls.RootCause;
import dev.istiolint.core.engine.tls.Route;
import dev.istiolint.core.engine.tls.Verdict;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.core.source.SourceSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client TLS and the server mode of a route cannot work together: requests fail. Reported once per root cause, on
 * each resource that must change (tls-semantics §6.5), never once per client namespace.
 */
@RuleInfo(
    id = "TLS001",
    name = "mtls-mode-conflict",
    severity = Severity.ERROR,
    summary = "The TLS a client sends and the mTLS mode the server accepts cannot work together, so requests fail",
    kinds = {"DestinationRule", "PeerAuthentication", "MeshPolicy", "Policy"})
public final class MtlsModeConflict implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    Map<List<Object>, Finding> findings = new LinkedHashMap<>();
    for (RootCause cause : ctx.tls().rootCauses(Verdict.CONFLICT)) {
      for (Participant p : cause.flagged()) {
        findings
            .computeIfAbsent(List.of(p.resource().id(), p.at()), k -> new Finding(p.resource(), p.at(), cause, p))
            .add(cause, p);
      }
    }
    for (Finding f : findings.values()) {
      ctx.report(f.resource, f.at, f.message(), f.related());
    }
  }

  static String routes(Route first, long count) {
    return first.describe() + (count > 1 ? " (and " + (count - 1) + " more routes)" : "");
  }

  private static final class Finding {
    final Resource resource;
    final SourceSpan at;
    final RootCause first;
    final Participant participant;
    Route firstRoute;
    long routeCount;
    final Map<List<Object>, RelatedLocation> related = new LinkedHashMap<>();

    Finding(Resource resource, SourceSpan at, RootCause first, Participant participant) {
      this.resource = resource;
      this.at = at;
      this.first = first;
      this.participant = participant;
    }

    void add(RootCause cause, Participant self) {
      if (firstRoute == null) {
        firstRoute = cause.first();
      }
      routeCount += cause.routeCount();
      for (Participant other : cause.participants()) {
        if (other.resource().id().equals(self.resource().id()) && other.at().equals(self.at())) {
          continue;
        }
        related.putIfAbsent(
            List.of(other.resource().id(), other.at()),
            RelatedLocation.of(other.at(), other.role(), other.resource().ref()));
      }
      if (self.side() == Participant.Side.CLIENT) {
        // the seed story: name the broader rule whose tls the client lost
        for (Provenance p : cause.replacedRules()) {
          related.putIfAbsent(
              List.of(p.resource().id(), p.span()),
              RelatedLocation.of(p.span(), "the broader rule this one replaces for the client", p.resource()));
        }
      }
    }

    String message() {
      Route r = firstRoute;
      String self = participant.resource().id() + " " + participant.role();
      StringBuilder sb = new StringBuilder();
      sb.append(routes(firstRoute, routeCount)).append(": the client sends ").append(r.clientTls());
      if (participant.side() == Participant.Side.CLIENT) {
        sb.append(" (").append(self).append(')');
      }
      sb.append(" but the server accepts ").append(r.serverMtls());
      if (participant.side() == Participant.Side.SERVER) {
        sb.append(" (").append(self).append(')');
      } else {
        r.serverMtlsSource().ifPresent(s -> sb.append(" (").append(s.describe()).append(')'));
      }
      r.symptom().ifPresent(w -> sb.append("; ").append(w));
      r.fix().ifPresent(f -> sb.append("; fix: ").append(f));
      return sb.toString();
    }

    List<RelatedLocation> related() {
      return List.copyOf(related.values());
    }
  }
}
