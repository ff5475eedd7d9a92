package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.EnvoyFilterPatches;
import java.util.Optional;

/** An EnvoyFilter without priority uses an operation relative to other filters. */
@RuleInfo(
    id = "ROUTE020",
    name = "envoy-filter-relative-operation",
    severity = Severity.WARNING,
    summary = "An EnvoyFilter without priority patches relative to other filters, so its effect depends on apply order",
    istioCode = "IST0151",
    kinds = {"EnvoyFilter"})
public final class EnvoyFilterRelativeOperation implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (EnvoyFilter ef : ctx.mesh().envoyFilters()) {
      if (ef.priority().isPresent() && ef.priority().get().value() != 0) {
        continue;
      }
      Optional<EnvoyFilter.Patch> first =
          ef.configPatches().stream()
              .filter(EnvoyFilterPatches::isRelative)
              .map(p -> p.patch().orElseThrow())
              .findFirst();
      first.ifPresent(
          p ->
              ctx.report(
                  ef,
                  p.operation(),
                  "operation "
                      + p.operation().value()
                      + " is relative to filters other EnvoyFilters may add, remove or reorder, and this EnvoyFilter"
                      + " sets no priority; set spec.priority or use an absolute operation (INSERT_FIRST, ADD,"
                      + " MERGE)"));
    }
  }
}
