package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.RouteMatches;
import java.util.List;

/** A VirtualService match that an earlier match always takes first. */
@RuleInfo(
    id = "ROUTE005",
    name = "ineffective-match",
    severity = Severity.INFO,
    summary = "A VirtualService match is never used because an earlier match takes the same or all of its requests",
    istioCode = "IST0131",
    kinds = {"VirtualService"})
public final class IneffectiveMatch implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (List<VirtualService.Route> routes : List.of(vs.http(), vs.tcp(), vs.tls())) {
        for (RouteMatches.Ineffective i : RouteMatches.analyse(routes).ineffective()) {
          String by = RouteMatches.ruleName(routes.get(i.shadowedBy()), i.shadowedBy());
          ctx.report(
              vs,
              Located.of("match", i.match().span()),
              "match #"
                  + (i.matchIndex() + 1)
                  + " of rule "
                  + RouteMatches.ruleName(i.route(), i.routeIndex())
                  + (i.duplicate()
                      ? " repeats a match of rule " + by
                      : " is covered by a shorter URI prefix in rule " + by)
                  + ", which is evaluated first, so it never applies; remove it or move it before that rule");
        }
      }
    }
  }
}
