package dev.istiolint.rules;

import dev.istiolint.core.rule.LintRule;
import java.util.List;

/** The built-in rules, in a fixed order. (Interim; the CLI branch owns the final version.) */
public final class BuiltInRules {

  private BuiltInRules() {}

  /** Every built-in rule. */
  public static List<LintRule> all() {
    return List.of();
  }
}
