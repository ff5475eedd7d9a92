package dev.istiolint.core.internal.decode;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MutatingWebhookConfiguration;
import dev.istiolint.core.model.ProxyConfig;
import dev.istiolint.core.model.RequestAuthentication;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.model.ValidatingWebhookConfiguration;
import dev.istiolint.core.model.WasmPlugin;
import dev.istiolint.core.model.Webhook;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decoders for the kinds the TLS analysis does not read: Sidecar, EnvoyFilter, policies, telemetry, webhooks. */
final class IstioExtraDecoder {

  private final NodeReader r = NodeReader.DIRECT;
  private final CommonDecoders common = new CommonDecoders(r);

  Sidecar sidecar(Header h) {
    YMap s = h.spec();
    List<Sidecar.EgressListener> egress = new ArrayList<>();
    for (YMap e : r.maps(s, "egress")) {
      egress.add(new Sidecar.EgressListener(common.port(e, "port"), r.str(e, "bind"), r.strings(e, "hosts"), r.span(e)));
    }
    List<Sidecar.IngressListener> ingress = new ArrayList<>();
    for (YMap i : r.maps(s, "ingress")) {
      ingress.add(
          new Sidecar.IngressListener(
              common.port(i, "port"),
              r.str(i, "bind"),
              r.str(i, "defaultEndpoint"),
              common.serverTls(i, "tls"),
              r.span(i)));
    }
    return new Sidecar(
        h.ref(),
        h.meta(),
        h.span(),
        common.networkingSelector(s, "workloadSelector"),
        egress,
        ingress,
        r.map(s, "outboundTrafficPolicy").flatMap(o -> r.str(o, "mode")),
        r.map(s, "outboundTrafficPolicy").flatMap(o -> r.map(o, "egressProxy")).flatMap(e -> r.str(e, "host")));
  }

  EnvoyFilter envoyFilter(Header h) {
    YMap s = h.spec();
    List<EnvoyFilter.ConfigPatch> patches = new ArrayList<>();
    for (YMap p : r.maps(s, "configPatches")) {
      SourceSpan at = r.span(p);
      Located<EnvoyFilter.ApplyTo> applyTo =
          r.enumOf(p, "applyTo", EnvoyFilter.ApplyTo.values(), EnvoyFilter.ApplyTo.UNSET, at);
      Optional<EnvoyFilter.Match> match = r.map(p, "match").map(this::envoyMatch);
      Optional<EnvoyFilter.Patch> patch =
          r.map(p, "patch")
              .map(
                  x ->
                      new EnvoyFilter.Patch(
                          r.enumOf(x, "operation", EnvoyFilter.Operation.values(), EnvoyFilter.Operation.UNSET, r.span(x)),
                          r.present(x, "value"),
                          r.enumOf(
                              x, "filterClass", EnvoyFilter.FilterClass.values(), EnvoyFilter.FilterClass.UNSET, r.span(x)),
                          r.span(x)));
      patches.add(new EnvoyFilter.ConfigPatch(applyTo, match, patch, at));
    }
    return new EnvoyFilter(
        h.ref(),
        h.meta(),
        h.span(),
        common.networkingSelector(s, "workloadSelector"),
        common.targetRefs(s),
        patches,
        r.integer(s, "priority"));
  }

  private EnvoyFilter.Match envoyMatch(YMap m) {
    Optional<YMap> listener = r.map(m, "listener");
    Optional<YMap> filter = listener.flatMap(l -> r.map(l, "filterChain")).flatMap(fc -> r.map(fc, "filter"));
    Optional<YMap> route = r.map(m, "routeConfiguration");
    Optional<YMap> cluster = r.map(m, "cluster");
    return new EnvoyFilter.Match(
        r.enumOf(m, "context", EnvoyFilter.PatchContext.values(), EnvoyFilter.PatchContext.UNSET, r.span(m)),
        r.map(m, "proxy").flatMap(p -> r.str(p, "proxyVersion")),
        listener.map(r::span),
        listener.flatMap(l -> r.integer(l, "portNumber")),
        listener.flatMap(l -> r.str(l, "name")),
        filter.flatMap(f -> r.str(f, "name")),
        filter.flatMap(f -> r.map(f, "subFilter")).flatMap(sf -> r.str(sf, "name")),
        route.map(r::span),
        route.flatMap(x -> r.integer(x, "portNumber")),
        route.flatMap(x -> r.str(x, "gateway")),
        cluster.map(r::span),
        cluster.flatMap(c -> r.integer(c, "portNumber")),
        cluster.flatMap(c -> r.str(c, "service")),
        cluster.flatMap(c -> r.str(c, "subset")),
        cluster.flatMap(c -> r.str(c, "name")),
        r.span(m));
  }

  ProxyConfig proxyConfig(Header h) {
    YMap s = h.spec();
    return new ProxyConfig(
        h.ref(),
        h.meta(),
        h.span(),
        common.selector(s, "selector"),
        r.integer(s, "concurrency"),
        r.keys(s, "environmentVariables"),
        r.map(s, "image").flatMap(i -> r.str(i, "imageType")));
  }

  RequestAuthentication requestAuthentication(Header h) {
    YMap s = h.spec();
    List<RequestAuthentication.JWTRule> rules = new ArrayList<>();
    for (YMap j : r.maps(s, "jwtRules")) {
      rules.add(
          new RequestAuthentication.JWTRule(
              r.str(j, "issuer"),
              r.strings(j, "audiences"),
              r.str(j, "jwksUri"),
              r.present(j, "jwks"),
              r.present(j, "fromHeaders"),
              r.strings(j, "fromParams"),
              r.bool(j, "forwardOriginalToken"),
              r.str(j, "outputPayloadToHeader"),
              r.span(j)));
    }
    return new RequestAuthentication(
        h.ref(), h.meta(), h.span(), common.selector(s, "selector"), common.targetRefs(s), rules);
  }

  AuthorizationPolicy authorizationPolicy(Header h) {
    YMap s = h.spec();
    List<AuthorizationPolicy.Rule> rules = new ArrayList<>();
    for (YMap rule : r.maps(s, "rules")) {
      List<AuthorizationPolicy.Source> from = new ArrayList<>();
      for (YMap f : r.maps(rule, "from")) {
        r.map(f, "source").ifPresent(src -> from.add(source(src)));
      }
      List<AuthorizationPolicy.Operation> to = new ArrayList<>();
      for (YMap t : r.maps(rule, "to")) {
        r.map(t, "operation").ifPresent(op -> to.add(operation(op)));
      }
      List<AuthorizationPolicy.Condition> when = new ArrayList<>();
      for (YMap w : r.maps(rule, "when")) {
        when.add(
            new AuthorizationPolicy.Condition(
                r.str(w, "key").orElse(Located.of("", r.span(w))),
                r.strings(w, "values"),
                r.strings(w, "notValues"),
                r.span(w)));
      }
      rules.add(new AuthorizationPolicy.Rule(from, to, when, r.span(rule)));
    }
    return new AuthorizationPolicy(
        h.ref(),
        h.meta(),
        h.span(),
        common.selector(s, "selector"),
        common.targetRefs(s),
        r.enumOf(s, "action", AuthorizationPolicy.Action.values(), AuthorizationPolicy.Action.UNSET, r.span(s)),
        r.map(s, "provider").flatMap(p -> r.str(p, "name")),
        rules,
        r.seq(s, "rules").isPresent());
  }

  private AuthorizationPolicy.Source source(YMap m) {
    return new AuthorizationPolicy.Source(
        r.strings(m, "principals"),
        r.strings(m, "notPrincipals"),
        r.strings(m, "requestPrincipals"),
        r.strings(m, "notRequestPrincipals"),
        r.strings(m, "namespaces"),
        r.strings(m, "notNamespaces"),
        r.strings(m, "serviceAccounts"),
        r.strings(m, "notServiceAccounts"),
        r.strings(m, "ipBlocks"),
        r.strings(m, "notIpBlocks"),
        r.strings(m, "remoteIpBlocks"),
        r.strings(m, "notRemoteIpBlocks"),
        r.span(m));
  }

  private AuthorizationPolicy.Operation operation(YMap m) {
    return new AuthorizationPolicy.Operation(
        r.strings(m, "hosts"),
        r.strings(m, "notHosts"),
        r.strings(m, "ports"),
        r.strings(m, "notPorts"),
        r.strings(m, "methods"),
        r.strings(m, "notMethods"),
        r.strings(m, "paths"),
        r.strings(m, "notPaths"),
        r.span(m));
  }

  Telemetry telemetry(Header h) {
    YMap s = h.spec();
    List<Located<String>> providers = new ArrayList<>();
    for (String section : new String[] {"tracing", "metrics", "accessLogging"}) {
      for (YMap entry : r.maps(s, section)) {
        for (YMap p : r.maps(entry, "providers")) {
          r.str(p, "name").ifPresent(providers::add);
        }
      }
    }
    return new Telemetry(
        h.ref(),
        h.meta(),
        h.span(),
        common.selector(s, "selector"),
        common.targetRefs(s),
        r.present(s, "tracing"),
        r.present(s, "metrics"),
        r.present(s, "accessLogging"),
        providers,
        accessLogging(s));
  }

  private List<Telemetry.AccessLogging> accessLogging(YMap s) {
    List<Telemetry.AccessLogging> out = new ArrayList<>();
    for (YMap entry : r.maps(s, "accessLogging")) {
      List<Located<String>> names = new ArrayList<>();
      for (YMap p : r.maps(entry, "providers")) {
        r.str(p, "name").ifPresent(names::add);
      }
      out.add(new Telemetry.AccessLogging(names, r.bool(entry, "disabled"), r.span(entry)));
    }
    return out;
  }

  WasmPlugin wasmPlugin(Header h) {
    YMap s = h.spec();
    return new WasmPlugin(
        h.ref(),
        h.meta(),
        h.span(),
        common.selector(s, "selector"),
        common.targetRefs(s),
        r.str(s, "url"),
        r.str(s, "sha256"),
        r.str(s, "imagePullSecret"),
        r.str(s, "pluginName"),
        r.enumOf(s, "phase", WasmPlugin.Phase.values(), WasmPlugin.Phase.UNSET, r.span(s)),
        r.integer(s, "priority"),
        r.str(s, "type"));
  }

  MutatingWebhookConfiguration mutatingWebhooks(Header h) {
    return new MutatingWebhookConfiguration(h.ref(), h.meta(), h.span(), webhooks(h.root()));
  }

  ValidatingWebhookConfiguration validatingWebhooks(Header h) {
    return new ValidatingWebhookConfiguration(h.ref(), h.meta(), h.span(), webhooks(h.root()));
  }

  private List<Webhook> webhooks(YMap root) {
    List<Webhook> out = new ArrayList<>();
    for (YMap w : r.maps(root, "webhooks")) {
      Optional<YMap> cc = r.map(w, "clientConfig");
      Optional<YMap> svc = cc.flatMap(c -> r.map(c, "service"));
      out.add(
          new Webhook(
              r.str(w, "name").orElse(Located.of("", r.span(w))),
              common.selector(w, "namespaceSelector"),
              common.selector(w, "objectSelector"),
              r.str(w, "failurePolicy"),
              svc.flatMap(x -> r.str(x, "name")),
              svc.flatMap(x -> r.str(x, "namespace")),
              cc.flatMap(c -> r.str(c, "url")),
              r.span(w)));
    }
    return out;
  }
}
