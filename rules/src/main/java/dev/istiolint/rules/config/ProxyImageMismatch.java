package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.ConfigMap;
import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.Pod;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Running pods of a namespace have a proxy image other than the one its injector now injects. */
@RuleInfo(
    id = "SCHEMA118",
    name = "proxy-image-mismatch",
    severity = Severity.WARNING,
    summary = "Pods of a namespace run a proxy image other than the one the sidecar injector now injects",
    istioCode = "IST0158",
    kinds = {"Namespace", "Pod", "ConfigMap"})
public final class ProxyImageMismatch implements LintRule {

  static final String PROXY_IMAGE = "sidecar.istio.io/proxyImage";

  @Override
  public void check(RuleContext ctx) {
    for (Namespace ns : ctx.mesh().namespaceObjects()) {
      if (!InjectionLabels.injectionEnabled(ns)) {
        continue;
      }
      boolean byLabel = InjectionLabels.injection(ns).filter(l -> l.value().equals("enabled")).isPresent();
      String injector =
          byLabel
              ? "istio-sidecar-injector"
              : "istio-sidecar-injector-" + InjectionLabels.revision(ns).map(Located::value).orElse("");
      Optional<String> expected = injectedImage(ctx, injector);
      if (expected.isEmpty()) {
        continue;
      }
      TreeSet<String> stale = new TreeSet<>();
      for (Pod pod : ctx.mesh().ofType(Pod.class, ns.name())) {
        if (pod.template().annotations().containsKey(PROXY_IMAGE)) {
          continue;
        }
        List<Container> all = new ArrayList<>(pod.template().containers());
        all.addAll(pod.template().initContainers());
        for (Container c : all) {
          if (c.name().value().equals("istio-proxy")
              && c.image().isPresent()
              && !flavourless(c.image().get().value()).equals(flavourless(expected.get()))) {
            stale.add(pod.name() + " (" + c.image().get().value() + ")");
          }
        }
      }
      if (!stale.isEmpty()) {
        ctx.report(
            ns,
            ns.metadata().name(),
            "pods "
                + String.join(", ", stale)
                + " run another proxy image than "
                + expected.get()
                + ", which "
                + injector
                + " injects now; restart them to pick up the current proxy");
      }
    }
  }

  /** The image an injector ConfigMap's {@code values} configure: global.proxy.image, absolute or hub/image:tag. */
  private static Optional<String> injectedImage(RuleContext ctx, String name) {
    for (ConfigMap cm : ctx.mesh().configMaps()) {
      if (!cm.name().equals(name) || !cm.data().containsKey("values")) {
        continue;
      }
      String values = cm.data().get("values").value();
      Optional<String> global = JsonText.object(values, "global");
      if (global.isEmpty()) {
        continue;
      }
      Optional<String> image = JsonText.object(global.get(), "proxy").flatMap(p -> JsonText.string(p, "image"));
      if (image.isEmpty()) {
        continue;
      }
      if (image.get().contains("/")) {
        return image;
      }
      Optional<String> hub = JsonText.string(global.get(), "hub");
      Optional<String> tag = JsonText.string(global.get(), "tag");
      if (hub.isPresent() && tag.isPresent()) {
        return Optional.of(hub.get() + "/" + image.get() + ":" + tag.get());
      }
    }
    return Optional.empty();
  }

  /** The image without its distroless or debug flavour. */
  private static String flavourless(String image) {
    return image.replaceFirst("-(distroless|debug)$", "");
  }
}
