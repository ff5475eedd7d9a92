package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.RouteMatches;
import java.util.List;
import java.util.Locale;

/** A VirtualService rule that can never be used. */
@RuleInfo(
    id = "ROUTE004",
    name = "unreachable-route",
    severity = Severity.WARNING,
    summary = "A VirtualService rule never applies: an earlier rule has no match or takes all its matches",
    istioCode = "IST0130",
    kinds = {"VirtualService"})
public final class UnreachableRoute implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (List<VirtualService.Route> routes : List.of(vs.http(), vs.tcp(), vs.tls())) {
        for (RouteMatches.Unreachable u : RouteMatches.analyse(routes).unreachable()) {
          ctx.report(
              vs,
              RouteMatches.ruleField(u.route(), u.routeIndex()),
              u.route().kind().name().toLowerCase(Locale.ROOT)
                  + " rule "
                  + RouteMatches.ruleName(u.route(), u.routeIndex())
                  + " is never used: "
                  + u.reason()
                  + "; merge it into the earlier rule or give it a distinct match");
        }
      }
    }
  }
}
