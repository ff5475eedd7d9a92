package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.List;
import java.util.Optional;

/** Two DestinationRules seen together define the same subset for the same host. */
@RuleInfo(
    id = "ROUTE029",
    name = "duplicate-subset",
    severity = Severity.WARNING,
    summary = "DestinationRules of one namespace define the same subset for a host; only one definition is used",
    kinds = {"DestinationRule"})
public final class DuplicateSubset implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    List<DestinationRule> rules = ctx.mesh().destinationRules();
    for (int i = 0; i < rules.size(); i++) {
      DestinationRule dr = rules.get(i);
      if (dr.workloadSelector().isPresent()) {
        continue;
      }
      for (DestinationRule.Subset subset : dr.subsets()) {
        Optional<DestinationRule.Subset> earlier = Optional.empty();
        DestinationRule owner = null;
        for (int j = 0; j < i && earlier.isEmpty(); j++) {
          DestinationRule other = rules.get(j);
          // Istio merges DestinationRules of one host within a namespace; across namespaces one of them wins
          // two definitions of the same resource are alternatives (LINT003), not two rules applied together
          if (other.workloadSelector().isPresent()
              || other.id().equals(dr.id())
              || !other.namespace().equals(dr.namespace())
              || !other.hostName().equals(dr.hostName())) {
            continue;
          }
          earlier = other.subset(subset.name().value());
          owner = other;
        }
        if (earlier.isPresent()) {
          ctx.report(
              dr,
              subset.name(),
              "subset "
                  + subset.name().value()
                  + " of host "
                  + dr.hostName().value()
                  + " is also defined by DestinationRule "
                  + owner.namespace()
                  + "/"
                  + owner.name()
                  + "; when Istio merges the rules only one definition is kept, define each subset once",
              List.of(RelatedLocation.of(earlier.get().name().span(), "first definition", owner.ref())));
        }
      }
    }
  }
}
