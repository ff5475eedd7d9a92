package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.List;
import java.util.TreeSet;

/** A route destination names a subset that no DestinationRule for its host defines. */
@RuleInfo(
    id = "REF004",
    name = "unknown-subset",
    severity = Severity.ERROR,
    summary = "A route destination names a subset that no DestinationRule for the host defines",
    istioCode = "IST0101",
    kinds = {"VirtualService", "DestinationRule"})
public final class UnknownSubset implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (VirtualService.Destination d : vs.allDestinations()) {
        if (d.subset().isEmpty()) {
          continue;
        }
        Located<String> subset = d.subset().get();
        HostName host = HostName.expand(d.host().value(), vs.namespace());
        List<DestinationRule> rules = ctx.mesh().destinationRulesForExactHost(host);
        TreeSet<String> defined = new TreeSet<>();
        for (DestinationRule dr : rules) {
          dr.subsets().forEach(s -> defined.add(s.name().value()));
        }
        if (defined.contains(subset.value())) {
          continue;
        }
        String message =
            rules.isEmpty()
                ? "subset "
                    + subset.value()
                    + " is not defined: no DestinationRule exists for host "
                    + host.value()
                    + "; add one with this subset"
                : "subset "
                    + subset.value()
                    + " is not defined by the DestinationRule for host "
                    + host.value()
                    + (defined.isEmpty()
                        ? " (it defines no subsets)"
                        : " (subsets: " + String.join(", ", defined) + ")")
                    + "; add the subset or route to a defined one";
        ctx.report(vs, subset, message);
      }
    }
  }
}
