package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.tls.Participant;
import dev.istiolint.core.engine.tls.RootCause;
import dev.istiolint.core.engine.tls.Route;
import dev.istiolint.core.engine.tls.Verdict;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A client sidecar sends plaintext to a PERMISSIVE sidecar: it works, but unencrypted and unauthenticated. */
@RuleInfo(
    id = "TLS002",
    name = "plaintext-between-sidecars",
    severity = Severity.WARNING,
    summary = "Traffic between two sidecars is plaintext although the server would accept mTLS",
    kinds = {"DestinationRule"})
public final class PlaintextBetweenSidecars implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    Set<List<Object>> done = new HashSet<>();
    for (RootCause cause : ctx.tls().rootCauses(Verdict.INSECURE)) {
      for (Participant p : cause.flagged()) {
        if (!done.add(List.of(p.resource().id(), p.at()))) {
          continue;
        }
        Route r = cause.first();
        ctx.report(
            p.resource(),
            p.at(),
            MtlsModeConflict.routes(r, cause.routeCount()) + ": the client sends plaintext (" + p.resource().id() + " "
                + p.role() + ") to a PERMISSIVE sidecar"
                + r.serverMtlsSource().map(s -> " (" + s.describe() + ")").orElse("")
                + "; the traffic works but is not encrypted" + r.fix().map(f -> "; fix: " + f).orElse(""),
            List.of());
      }
    }
  }
}
