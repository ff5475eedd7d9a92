package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MutatingWebhookConfiguration;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.Webhook;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Sidecar injector webhooks that overlap, or that point to a Service that does not exist. */
@RuleInfo(
    id = "SCHEMA101",
    name = "invalid-injection-webhook",
    severity = Severity.ERROR,
    summary = "A sidecar injector webhook overlaps another one or calls a control plane Service that does not exist",
    istioCode = "IST0139",
    kinds = {"MutatingWebhookConfiguration", "Service"})
public final class InvalidInjectionWebhook implements LintRule {

  /** The namespace and pod labels istioctl tries, to find pods that two injectors would both inject. */
  private static final List<Map<String, String>> NAMESPACE_LABELS =
      List.of(Map.of(), Map.of("istio-injection", "enabled"), Map.of("istio-injection", "disabled"));

  private static final List<Map<String, String>> OBJECT_LABELS =
      List.of(Map.of(), Map.of("sidecar.istio.io/inject", "true"), Map.of("sidecar.istio.io/inject", "false"));

  private record Hook(MutatingWebhookConfiguration config, Webhook webhook) {
    String key() {
      return config.name() + "/" + webhook.name().value();
    }
  }

  @Override
  public void check(RuleContext ctx) {
    List<Hook> hooks = new ArrayList<>();
    TreeSet<String> revisions = new TreeSet<>();
    for (MutatingWebhookConfiguration mwc : ctx.mesh().mutatingWebhookConfigurations()) {
      Optional<String> rev = mwc.metadata().label("istio.io/rev");
      boolean istio = mwc.webhooks().stream().anyMatch(w -> w.name().value().endsWith("sidecar-injector.istio.io"));
      if (rev.isEmpty() && !istio) {
        continue;
      }
      rev.ifPresent(revisions::add);
      mwc.webhooks().forEach(w -> hooks.add(new Hook(mwc, w)));
    }
    List<Map<String, String>> nsLabels = new ArrayList<>(NAMESPACE_LABELS);
    List<Map<String, String>> objLabels = new ArrayList<>(OBJECT_LABELS);
    for (String rev : revisions) {
      nsLabels.add(Map.of("istio.io/rev", rev));
      objLabels.add(Map.of("istio.io/rev", rev));
    }
    Map<Hook, TreeSet<String>> overlaps = new LinkedHashMap<>();
    for (Map<String, String> nl : nsLabels) {
      for (Map<String, String> ol : objLabels) {
        List<Hook> matching =
            hooks.stream()
                .filter(h -> matches(h.webhook().namespaceSelector(), nl) && matches(h.webhook().objectSelector(), ol))
                .toList();
        if (matching.size() > 1) {
          for (Hook h : matching) {
            TreeSet<String> others = overlaps.computeIfAbsent(h, k -> new TreeSet<>());
            matching.stream().filter(o -> o != h).forEach(o -> others.add(o.key()));
          }
        }
      }
    }
    overlaps.forEach(
        (h, others) ->
            ctx.report(
                h.config(),
                h.webhook().name(),
                "webhook "
                    + h.key()
                    + " overlaps with "
                    + String.join(", ", others)
                    + ": some pods match both and would be injected twice; make their namespace and object"
                    + " selectors exclusive"));
    for (Hook h : hooks) {
      Optional<Located<String>> name = h.webhook().serviceName();
      if (name.isEmpty()) {
        continue;
      }
      String ns = h.webhook().serviceNamespace().map(Located::value).orElse("");
      if (ctx.mesh().byId(new ResourceId("Service", ns, name.get().value())).isEmpty()) {
        ctx.report(
            h.config(),
            name.get(),
            "webhook "
                + h.key()
                + " calls Service "
                + ns
                + "/"
                + name.get().value()
                + ", which does not exist; point it at the istiod Service of the control plane");
      }
    }
  }

  private static boolean matches(Optional<LabelSelector> selector, Map<String, String> labels) {
    return selector.isEmpty() || selector.get().matches(labels);
  }
}
