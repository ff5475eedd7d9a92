package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** An AuthorizationPolicy source names a namespace (or pattern) that matches no namespace of the input. */
@RuleInfo(
    id = "REF009",
    name = "authorization-policy-unknown-namespace",
    severity = Severity.ERROR,
    summary = "An AuthorizationPolicy source namespace matches no namespace in the input, so it never matches",
    istioCode = "IST0101",
    kinds = {"AuthorizationPolicy", "Namespace"})
public final class AuthorizationPolicyUnknownNamespace implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    SortedSet<String> namespaces = ctx.mesh().namespaces();
    for (AuthorizationPolicy ap : ctx.mesh().authorizationPolicies()) {
      for (AuthorizationPolicy.Rule rule : ap.rules()) {
        for (AuthorizationPolicy.Source source : rule.from()) {
          List<Located<String>> patterns = new ArrayList<>(source.namespaces());
          patterns.addAll(source.notNamespaces());
          for (Located<String> pattern : patterns) {
            if (namespaces.stream().noneMatch(ns -> matches(pattern.value(), ns))) {
              ctx.report(
                  ap,
                  pattern,
                  "namespace "
                      + pattern.value()
                      + " matches no namespace in the input ("
                      + String.join(", ", namespaces)
                      + "); correct it, or add the Namespace if it is created elsewhere");
            }
          }
        }
      }
    }
  }

  /** Istio's string match: exact, {@code *}, {@code prefix*} or {@code *suffix}. */
  static boolean matches(String pattern, String value) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.endsWith("*")) {
      return value.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    if (pattern.startsWith("*")) {
      return value.endsWith(pattern.substring(1));
    }
    return pattern.equals(value);
  }
}
