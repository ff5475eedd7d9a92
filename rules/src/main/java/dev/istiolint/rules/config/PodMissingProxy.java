package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.Pod;
import dev.istiolint.core.model.PodTemplate;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Optional;

/** A Pod (as listed from a cluster) in an injection-enabled namespace runs without the istio-proxy container. */
@RuleInfo(
    id = "SCHEMA110",
    name = "pod-missing-proxy",
    severity = Severity.WARNING,
    summary = "A Pod in a namespace with injection enabled has no istio-proxy container",
    istioCode = "IST0103",
    kinds = {"Pod", "Namespace"})
public final class PodMissingProxy implements LintRule {

  static final String INJECT = "sidecar.istio.io/inject";

  @Override
  public void check(RuleContext ctx) {
    for (Pod pod : ctx.mesh().ofType(Pod.class)) {
      Optional<Namespace> ns = ctx.mesh().namespace(pod.namespace());
      if (ns.isEmpty() || !InjectionLabels.injectionEnabled(ns.get())) {
        continue;
      }
      PodTemplate t = pod.template();
      if (t.container("istio-proxy").isPresent() || t.hostNetwork().map(Located::value).orElse(false)) {
        continue;
      }
      Optional<String> label = Optional.ofNullable(t.labels().get(INJECT)).map(Located::value);
      Optional<String> annotation = Optional.ofNullable(t.annotations().get(INJECT)).map(Located::value);
      if (label.or(() -> annotation).filter("false"::equalsIgnoreCase).isPresent()) {
        continue;
      }
      ctx.report(
          pod,
          pod.metadata().name(),
          "pod "
              + pod.name()
              + " has no istio-proxy container although namespace "
              + pod.namespace()
              + " enables injection; a running pod was created before injection was enabled (restart it), or set "
              + INJECT
              + "=false to keep it out of the mesh");
    }
  }
}
