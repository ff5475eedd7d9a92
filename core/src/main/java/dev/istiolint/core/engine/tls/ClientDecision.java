package dev.istiolint.core.engine.tls;

import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.DestinationRule.ClientTLSSettings;
import dev.istiolint.core.model.MtlsMode;
import dev.istiolint.core.model.TlsMode;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a client proxy sends to one endpoint (tls-semantics §4): the rule's tls when set (with the 1.14 credentialName
 * quirk), else the 1.0 authPolicy fallback, plaintext for external hosts or with auto mTLS off, else auto mTLS with
 * the inferred service mode and, since 1.12, the endpoint's own PeerAuthentication.
 */
final class ClientDecision {

  private final Profile profile;
  private final MeshInputs mesh;
  private final ServerModes servers;

  ClientDecision(MeshInputs mesh, ServerModes servers) {
    this.profile = mesh.profile;
    this.mesh = mesh;
    this.servers = servers;
  }

  ClientSide decide(
      Workload client,
      Destination d,
      Destination.Port port,
      DrIndex.Selection sel,
      Optional<TlsPick> pick,
      Optional<Endpoint> endpoint,
      ServerSide server,
      List<Endpoint> all,
      boolean explain) {
    // the decision steps are written only for an explained route
    List<String> steps = explain ? new ArrayList<>() : null;
    Optional<ClientTLSSettings> tls = pick.flatMap(TlsPick::tls);
    if (tls.isPresent()) {
      TlsPick p = pick.get();
      ClientTLSSettings t = tls.get();
      TlsMode mode = t.effectiveMode();
      if ((mode == TlsMode.SIMPLE || mode == TlsMode.MUTUAL)
          && profile.sidecarsIgnoreCredentialName()
          && !client.gateway()
          && t.credentialName().isPresent()
          && !t.credentialName().get().value().startsWith("configmap://")
          && sel.rule().map(m -> !m.hasSelector()).orElse(true)) {
        SourceSpan at = t.credentialName().get().span();
        if (steps != null) {
          steps.add("since 1.14 a sidecar ignores credentialName (" + TlsPick.where(at) + ") in a rule without"
              + " workloadSelector: the cluster gets no TLS, so the proxy sends plaintext");
        }
        return new ClientSide(ClientTls.DISABLE, Optional.of(Provenance.of(p.source(), at,
            "trafficPolicy.tls.credentialName")), stepsOf(steps), true, false);
      }
      Provenance src = Provenance.of(p.source(), p.at(), p.field());
      return new ClientSide(ClientTls.valueOf(mode.name()), Optional.of(src), stepsOf(steps), false, false);
    }
    Optional<Provenance> src = pick.map(p -> Provenance.of(p.source(), p.at(), p.field()));
    if (pick.isEmpty() && profile.authPolicyFallback() && !client.gateway() && !d.external()) {
      if (mesh.authPolicyMutual) {
        if (steps != null) {
          steps.add("no rule at all: Istio 1.0 sidecars use meshConfig.authPolicy MUTUAL_TLS: ISTIO_MUTUAL");
        }
        return new ClientSide(ClientTls.ISTIO_MUTUAL, Optional.empty(), stepsOf(steps), false, false);
      }
      if (steps != null) {
        steps.add("no rule at all and meshConfig.authPolicy is not MUTUAL_TLS: plaintext");
      }
      return new ClientSide(ClientTls.DISABLE, Optional.empty(), stepsOf(steps), false, false);
    }
    if (d.external()) {
      if (steps != null) {
        steps.add("tls is unset and " + d.host() + " is MESH_EXTERNAL: the proxy sends plaintext");
      }
      return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, false);
    }
    if (!mesh.autoMtls) {
      if (steps != null) {
        steps.add("tls is unset and auto mTLS is off (" + mesh.autoMtlsReason + "): the proxy sends plaintext");
      }
      return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, false);
    }
    if (profile.autoMtlsInfersFromLegacyPolicy()) {
      ServerMtls inferred = servers.legacyInference(d, port, steps);
      if (inferred == ServerMtls.DISABLE) {
        if (steps != null) {
          steps.add("auto mTLS stays off for this service: plaintext");
        }
        return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, true);
      }
    } else if ((d.passthrough() || pick.map(TlsPick::passthroughLb).orElse(false))
        && all.stream().anyMatch(e -> !e.sidecar())) {
      if (steps != null) {
        steps.add("tls is unset; " + d.host() + " is headless or PASSTHROUGH-balanced and not every endpoint has a"
            + " sidecar, so"
            + " auto mTLS infers DISABLE for all endpoints: plaintext");
      }
      return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, true);
    } else {
      MtlsMode inferred = servers.inferredServiceMode(d.namespace(), steps);
      if (inferred == MtlsMode.DISABLE) {
        if (steps != null) {
          steps.add("tls is unset and the inferred service mode is DISABLE, so the cluster is plain text; the endpoint"
              + " labels and workload policies are never consulted");
        }
        return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, true);
      }
    }
    Optional<TlsMode> ruleMode = pick.flatMap(TlsPick::endpointRuleMode);
    Endpoint ep = endpoint.orElse(null);
    if (ep == null || !ep.sidecar()) {
      if (steps != null) {
        steps.add("auto mTLS: the endpoint has no sidecar (no tlsMode=istio label): plaintext");
      }
      return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, true);
    }
    if (ruleMode.isPresent() && profile.autoMtlsChecksEndpointPolicy()) {
      if (ruleMode.get() == TlsMode.ISTIO_MUTUAL) {
        if (steps != null) {
          steps.add("auto mTLS: the endpoint builder reads the rule's tls as ISTIO_MUTUAL and keeps the endpoint's"
              + " tlsMode=istio label: Istio mTLS");
        }
        return new ClientSide(ClientTls.ISTIO_MUTUAL, src, stepsOf(steps), false, true);
      }
      if (steps != null) {
        steps.add("auto mTLS: the endpoint builder reads the rule's tls as " + ruleMode.get()
            + " and removes the endpoint's tlsMode label: plaintext");
      }
      return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, true);
    }
    if (profile.autoMtlsChecksEndpointPolicy() && server.mode() == ServerMtls.DISABLE) {
      if (steps != null) {
        steps.add("auto mTLS (1.12+): the endpoint's own PeerAuthentication resolves to DISABLE on port "
            + "its workload port, so the endpoint label is cleared: plaintext");
      }
      return new ClientSide(ClientTls.DISABLE, src, stepsOf(steps), false, true);
    }
    if (steps != null) {
      steps.add("auto mTLS: the endpoint has a sidecar (tlsMode=istio): Istio mTLS"
          + (!profile.autoMtlsChecksEndpointPolicy() && server.mode() == ServerMtls.DISABLE
              ? " (before 1.12 auto mTLS does not look at workload-level PeerAuthentication)"
              : ""));
    }
    return new ClientSide(ClientTls.ISTIO_MUTUAL, src, stepsOf(steps), false, true);
  }

  private static List<String> stepsOf(List<String> steps) {
    return steps == null ? List.of() : steps;
  }
}
