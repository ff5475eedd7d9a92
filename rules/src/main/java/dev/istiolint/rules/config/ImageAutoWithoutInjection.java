package dev.istiolint.rules.config;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.PodTemplateOwner;
import dev.istiolint.core.rule.RuleContext;
import java.util.Optional;

/** The shared check of SCHEMA111 and SCHEMA112: {@code image: auto} in a pod the injector never sees. */
final class ImageAutoWithoutInjection {

  static final String INJECT = "sidecar.istio.io/inject";

  private ImageAutoWithoutInjection() {}

  static void check(RuleContext ctx, boolean pods, String consequence) {
    for (PodTemplateOwner owner : ctx.mesh().ofType(PodTemplateOwner.class)) {
      if (owner.kind().equals("Pod") != pods) {
        continue;
      }
      Optional<Located<String>> auto = Optional.empty();
      for (Container c : owner.template().containers()) {
        if (c.image().filter(i -> i.value().equals("auto")).isPresent()) {
          auto = c.image();
          break;
        }
      }
      if (auto.isEmpty() || injected(ctx.mesh(), owner)) {
        continue;
      }
      ctx.report(
          owner,
          auto.get(),
          "image auto is replaced only by the sidecar injector, which does not inject this "
              + owner.kind()
              + " (namespace "
              + owner.namespace()
              + " has no istio-injection=enabled or istio.io/rev label and the pod no "
              + INJECT
              + "=true label); "
              + consequence);
    }
  }

  /** Whether the injector would inject the pod: namespace label or pod opt-in, and no pod opt-out. */
  static boolean injected(MeshSnapshot mesh, PodTemplateOwner owner) {
    Optional<String> label = Optional.ofNullable(owner.template().labels().get(INJECT)).map(Located::value);
    Optional<String> annotation = Optional.ofNullable(owner.template().annotations().get(INJECT)).map(Located::value);
    Optional<String> pod = label.or(() -> annotation);
    if (pod.filter("false"::equalsIgnoreCase).isPresent()) {
      return false;
    }
    if (pod.filter("true"::equalsIgnoreCase).isPresent()) {
      return true;
    }
    Optional<Namespace> ns = mesh.namespace(owner.namespace());
    return ns.isPresent() && InjectionLabels.injectionEnabled(ns.get());
  }
}
