package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Map;
import java.util.Optional;

/** A Kubernetes Gateway API CRD older than the Istio release supports. */
@RuleInfo(
    id = "SCHEMA104",
    name = "gateway-api-crd-too-old",
    severity = Severity.WARNING,
    summary = "A Kubernetes Gateway API CRD is older than the minimum bundle version Istio processes",
    istioCode = "IST0176",
    kinds = {"CustomResourceDefinition"})
public final class GatewayApiCrdTooOld implements LintRule {

  static final String BUNDLE_VERSION = "gateway.networking.k8s.io/bundle-version";

  /** Minimum bundle versions per CRD (TLSRoute needs the v1 API of Gateway API 1.5), else the general minimum. */
  private static final Map<String, int[]> MINIMUM = Map.of("tlsroutes.gateway.networking.k8s.io", new int[] {1, 5, 0});

  private static final int[] GENERAL_MINIMUM = {1, 0, 0};

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.mesh().ofKind("CustomResourceDefinition")) {
      if (!r.name().endsWith(".gateway.networking.k8s.io")) {
        continue;
      }
      Optional<Located<String>> version = Optional.ofNullable(r.metadata().annotations().get(BUNDLE_VERSION));
      if (version.isEmpty()) {
        continue;
      }
      Optional<int[]> parsed = parse(version.get().value());
      int[] min = MINIMUM.getOrDefault(r.name(), GENERAL_MINIMUM);
      if (parsed.isPresent() && compare(parsed.get(), min) < 0) {
        ctx.report(
            r,
            version.get(),
            "Gateway API CRD "
                + r.name()
                + " is at version "
                + version.get().value()
                + " but Istio requires at least v"
                + min[0]
                + "."
                + min[1]
                + "."
                + min[2]
                + "; Istio ignores resources of this kind, upgrade the Gateway API CRDs");
      }
    }
  }

  private static Optional<int[]> parse(String v) {
    String s = v.strip().replaceFirst("^v", "").replaceFirst("[-+].*$", "");
    String[] parts = s.split("\\.");
    int[] out = new int[3];
    try {
      for (int i = 0; i < 3 && i < parts.length; i++) {
        out[i] = Integer.parseInt(parts[i]);
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
