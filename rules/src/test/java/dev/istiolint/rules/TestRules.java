package dev.istiolint.rules;

import dev.istiolint.core.rule.LintRule;
import java.util.List;

/** The built-in rules as the tests see them. */
final class TestRules {

  private TestRules() {}

  static List<LintRule> builtIn() {
    return List.copyOf(BuiltInRules.builtIn());
  }
}
