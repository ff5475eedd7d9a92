package dev.istiolint.bench;

import dev.istiolint.core.rule.LintRule;
import java.util.List;

/** The rules of the full analysis: every built-in rule. */
final class BenchRules {

  private BenchRules() {}

  @SuppressWarnings("unchecked")
  static List<LintRule> all() {
    try {
      Class<?> c = Class.forName("dev.istiolint.rules.BuiltInRules");
      return (List<LintRule>) c.getMethod("all").invoke(null);
    } catch (ReflectiveOperationException e) {
      return List.of();
    }
  }
}
