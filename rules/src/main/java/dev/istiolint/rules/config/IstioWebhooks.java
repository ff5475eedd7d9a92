package dev.istiolint.rules.config;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.MutatingWebhookConfiguration;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ValidatingWebhookConfiguration;
import dev.istiolint.core.model.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The webhook configurations an Istio install (or an external control plane) creates, by their names. */
final class IstioWebhooks {

  private IstioWebhooks() {}

  /** Istio's validating configurations ({@code istiod-default-validator}, {@code istio-validator*}) and injectors. */
  static Map<Resource, List<Webhook>> of(MeshSnapshot mesh) {
    Map<Resource, List<Webhook>> out = new LinkedHashMap<>();
    for (ValidatingWebhookConfiguration v : mesh.validatingWebhookConfigurations()) {
      if (v.name().equals("istiod-default-validator") || v.name().startsWith("istio-validator")) {
        out.put(v, new ArrayList<>(v.webhooks()));
      }
    }
    for (MutatingWebhookConfiguration m : mesh.mutatingWebhookConfigurations()) {
      if (m.name().startsWith("istio-sidecar-injector")) {
        out.put(m, new ArrayList<>(m.webhooks()));
      }
    }
    return out;
  }
}
