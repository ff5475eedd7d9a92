package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    // Istio merges DestinationRules of one host within a namespace; across namespaces one of them wins. Group the
    // selector-less rules by namespace and host (in snapshot order) so that only rules of one group are compared.
    Map<List<Object>, List<DestinationRule>> groups = new LinkedHashMap<>();
    for (DestinationRule dr : ctx.mesh().destinationRules()) {
      if (dr.workloadSelector().isEmpty()) {
        groups.computeIfAbsent(List.of(dr.namespace(), dr.hostName()), k -> new ArrayList<>()).add(dr);
      }
    }
    for (List<DestinationRule> group : groups.values()) {
      Map<String, DestinationRule> firstBySubset = new HashMap<>();
      for (DestinationRule dr : group) {
        for (DestinationRule.Subset subset : dr.subsets()) {
          DestinationRule owner = firstBySubset.putIfAbsent(subset.name().value(), dr);
          // two definitions of the same resource are alternatives (LINT003), not two rules applied together
          if (owner == null || owner.id().equals(dr.id())) {
            continue;
          }
          DestinationRule.Subset earlier = owner.subset(subset.name().value()).orElseThrow();
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
              List.of(RelatedLocation.of(earlier.name().span(), "first definition", owner.ref())));
        }
      }
    }
  }
}
