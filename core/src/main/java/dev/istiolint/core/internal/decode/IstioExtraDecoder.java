package dev.istiolint.core.internal.decode;

import dev.istiolint.core.model.Resource;

/** Decoders for the kinds the TLS analysis does not read: Sidecar, EnvoyFilter, policies, telemetry, webhooks. */
final class IstioExtraDecoder {

  Resource sidecar(Header h) {
    return null;
  }

  Resource envoyFilter(Header h) {
    return null;
  }

  Resource proxyConfig(Header h) {
    return null;
  }

  Resource requestAuthentication(Header h) {
    return null;
  }

  Resource authorizationPolicy(Header h) {
    return null;
  }

  Resource telemetry(Header h) {
    return null;
  }

  Resource wasmPlugin(Header h) {
    return null;
  }

  Resource mutatingWebhooks(Header h) {
    return null;
  }

  Resource validatingWebhooks(Header h) {
    return null;
  }
}
