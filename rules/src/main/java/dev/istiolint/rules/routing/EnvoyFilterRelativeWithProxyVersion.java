package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.EnvoyFilterPatches;

/** A relative EnvoyFilter patch pinned to a proxy version, without priority. */
@RuleInfo(
    id = "ROUTE024",
    name = "envoy-filter-relative-with-proxy-version",
    severity = Severity.WARNING,
    summary = "A relative EnvoyFilter patch is pinned to a proxy version without priority, so it breaks on upgrade",
    istioCode = "IST0155",
    kinds = {"EnvoyFilter"})
public final class EnvoyFilterRelativeWithProxyVersion implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (EnvoyFilter ef : ctx.mesh().envoyFilters()) {
      if (ef.priority().isPresent() && ef.priority().get().value() != 0) {
        continue;
      }
      for (EnvoyFilter.ConfigPatch patch : ef.configPatches()) {
        if (!EnvoyFilterPatches.isRelative(patch)) {
          continue;
        }
        var version = patch.match().flatMap(EnvoyFilter.Match::proxyVersion);
        if (version.isPresent()) {
          Located<String> at = version.get();
          ctx.report(
              ef,
              at,
              "relative operation "
                  + patch.patch().orElseThrow().operation().value()
                  + " is limited to proxy version "
                  + at.value()
                  + " and this EnvoyFilter sets no priority; after an upgrade the filters it is relative to may"
                  + " differ, so set spec.priority or use an absolute operation");
          break;
        }
      }
    }
  }
}
