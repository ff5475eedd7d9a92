package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** A namespace carries more than one of istio-injection=enabled, istio.io/rev and ambient mode. */
@RuleInfo(
    id = "SCHEMA109",
    name = "conflicting-injection-labels",
    severity = Severity.WARNING,
    summary = "A namespace carries more than one of istio-injection=enabled, istio.io/rev and ambient mode",
    istioCode = "IST0123",
    kinds = {"Namespace"})
public final class ConflictingInjectionLabels implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (Namespace ns : ctx.mesh().namespaceObjects()) {
      List<Located<String>> modes = new ArrayList<>();
      InjectionLabels.injection(ns).filter(l -> l.value().equals("enabled")).ifPresent(modes::add);
      InjectionLabels.revision(ns).ifPresent(modes::add);
      InjectionLabels.ambient(ns).ifPresent(modes::add);
      if (modes.size() < 2) {
        continue;
      }
      List<String> text = new ArrayList<>();
      if (InjectionLabels.injection(ns).filter(l -> l.value().equals("enabled")).isPresent()) {
        text.add(InjectionLabels.INJECTION + "=enabled");
      }
      InjectionLabels.revision(ns).ifPresent(l -> text.add(InjectionLabels.REVISION + "=" + l.value()));
      InjectionLabels.ambient(ns).ifPresent(l -> text.add(InjectionLabels.DATAPLANE_MODE + "=ambient"));
      Located<String> at = modes.stream().max((a, b) -> a.span().compareTo(b.span())).orElseThrow();
      ctx.report(
          ns,
          at,
          "namespace "
              + ns.name()
              + " has "
              + String.join(" and ", text)
              + "; they select different data planes or control planes (istio-injection wins over istio.io/rev,"
              + " sidecars over ambient), keep only the one you mean");
    }
  }
}
