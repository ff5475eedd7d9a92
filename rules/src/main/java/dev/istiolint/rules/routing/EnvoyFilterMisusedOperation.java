package dev.istiolint.rules.routing;

import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.model.EnvoyFilter.ApplyTo;
import dev.istiolint.core.model.EnvoyFilter.Operation;
import dev.istiolint.core.rule.RuleContext;
import java.util.Set;

/** The shared check of ROUTE021-ROUTE023: an operation that Istio ignores or rejects for what it applies to. */
final class EnvoyFilterMisusedOperation {

  private EnvoyFilterMisusedOperation() {}

  /** Reports the first patch of each EnvoyFilter whose operation is {@code op} and target is not in {@code valid}. */
  static void check(RuleContext ctx, Operation op, Set<ApplyTo> invalid, Set<ApplyTo> valid, String consequence) {
    for (EnvoyFilter ef : ctx.mesh().envoyFilters()) {
      for (EnvoyFilter.ConfigPatch patch : ef.configPatches()) {
        if (patch.patch().isEmpty() || patch.patch().get().operation().value() != op) {
          continue;
        }
        ApplyTo target = patch.applyTo().value();
        boolean bad = invalid.isEmpty() ? !valid.contains(target) : invalid.contains(target);
        if (bad) {
          ctx.report(
              ef,
              patch.patch().get().operation(),
              "operation " + op + " on " + target + " " + consequence);
          break;
        }
      }
    }
  }
}
