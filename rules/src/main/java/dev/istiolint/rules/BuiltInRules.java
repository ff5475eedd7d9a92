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
    return List.of(
        new dev.istiolint.rules.tls.MtlsModeConflict(),
        new dev.istiolint.rules.tls.PlaintextBetweenSidecars(),
        new dev.istiolint.rules.tls.TlsOverrideDropsMeshMtls(),
        new dev.istiolint.rules.tls.DestinationRuleTlsWithoutCaCertificates(),
        new dev.istiolint.rules.tls.PortTlsWithoutCaCertificates(),
        new dev.istiolint.rules.tls.RootNamespacePeerAuthenticationSelector(),
        new dev.istiolint.rules.tls.DuplicatePeerAuthentication(),
        new dev.istiolint.rules.tls.MeshPolicyNotDefault(),
        new dev.istiolint.rules.tls.NamespacePolicyNotDefault(),
        new dev.istiolint.rules.tls.PortLevelMtlsUnknownPort(),
        new dev.istiolint.rules.tls.DestinationRuleHostNotFullyQualified(),
        new dev.istiolint.rules.tls.DestinationRuleNotExportedToOwnNamespace(),
        new dev.istiolint.rules.tls.WorkloadSelectorShadowsDestinationRule(),
        new dev.istiolint.rules.tls.MergedTrafficPolicyDiscarded(),
        new dev.istiolint.rules.tls.PortLevelSettingsDropTls());
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
