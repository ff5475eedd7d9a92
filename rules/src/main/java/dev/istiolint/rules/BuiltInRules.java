package dev.istiolint.rules;

import dev.istiolint.core.rule.LintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The rules istio-lint runs: the built-in ones in a fixed order, then third-party rules found by ServiceLoader. */
public final class BuiltInRules {

  private BuiltInRules() {}

  /** The built-in rules, in registration order. */
  public static List<LintRule> builtIn() {
    return List.of();
  }

  /**
   * The built-in rules followed by every rule registered in {@code META-INF/services/dev.istiolint.core.rule.LintRule}
   * on the class path, in class-path order.
   */
  public static List<LintRule> all() {
    List<LintRule> out = new ArrayList<>(builtIn());
    for (LintRule rule : ServiceLoader.load(LintRule.class, BuiltInRules.class.getClassLoader())) {
      out.add(rule);
    }
    return List.copyOf(out);
  }
}
