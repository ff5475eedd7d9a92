package dev.istiolint.rules;

import dev.istiolint.core.rule.LintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The rules istio-lint runs by default: the built-in ones plus any found through {@link ServiceLoader}. */
public final class BuiltInRules {

  private BuiltInRules() {}

  /** Every built-in rule, then the {@link LintRule} services visible to this class's loader. */
  public static List<LintRule> all() {
    List<LintRule> rules = new ArrayList<>(List.of());
    ServiceLoader.load(LintRule.class, BuiltInRules.class.getClassLoader()).forEach(rules::add);
    return List.copyOf(rules);
  }
}
