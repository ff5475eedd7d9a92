package dev.istiolint.core.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MutatingWebhookConfiguration;
import dev.istiolint.core.model.ProxyConfig;
import dev.istiolint.core.model.RequestAuthentication;
import dev.istiolint.core.model.ServerTlsMode;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.model.ValidatingWebhookConfiguration;
import dev.istiolint.core.model.WasmPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtherKindsDecoderTest {

  @Test
  void decodesSidecar() {
    Sidecar s =
        Decode.one(
            """
            apiVersion: networking.istio.io/v1beta1
            kind: Sidecar
            metadata: {name: default, namespace: foo}
            spec:
              workloadSelector:
                labels: {app: ratings}
              egress:
              - port: {number: 9080, protocol: HTTP, name: http}
                hosts: ["./*", "istio-system/*"]
              ingress:
              - port: {number: 9080, protocol: HTTP, name: http}
                defaultEndpoint: 127.0.0.1:8080
                tls: {mode: SIMPLE, credentialName: c}
              outboundTrafficPolicy: {mode: REGISTRY_ONLY}
            """,
            Sidecar.class);
    assertThat(s.workloadSelector().orElseThrow().labelValues()).containsEntry("app", "ratings");
    assertThat(s.egress().get(0).hosts()).extracting(Located::value).containsExactly("./*", "istio-system/*");
    assertThat(s.egress().get(0).port().orElseThrow().numberOrZero()).isEqualTo(9080);
    assertThat(s.ingress().get(0).defaultEndpoint().orElseThrow().value()).isEqualTo("127.0.0.1:8080");
    assertThat(s.ingress().get(0).tls().orElseThrow().mode().value()).isEqualTo(ServerTlsMode.SIMPLE);
    assertThat(s.outboundTrafficPolicyMode().orElseThrow().value()).isEqualTo("REGISTRY_ONLY");
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource({
    "HTTP_FILTER, SIDECAR_INBOUND, INSERT_BEFORE, AUTHN",
    "LISTENER, GATEWAY, MERGE, STATS",
    "CLUSTER, SIDECAR_OUTBOUND, ADD, AUTHZ",
    "NETWORK_FILTER, ANY, REPLACE, UNSET",
    "INVALID, bogus, INVALID, UNSPECIFIED",
  })
  void decodesEnvoyFilterPatches(String applyTo, String context, String operation, String filterClass) {
    EnvoyFilter ef =
        Decode.one(
            """
            apiVersion: networking.istio.io/v1alpha3
            kind: EnvoyFilter
            metadata: {name: ef, namespace: istio-system}
            spec:
              workloadSelector:
                labels: {istio: ingressgateway}
              priority: 10
              configPatches:
              - applyTo: %s
                match:
                  context: %s
                  proxy: {proxyVersion: '^1\\.2.*'}
                  listener:
                    portNumber: 8080
                    filterChain:
                      filter:
                        name: envoy.filters.network.http_connection_manager
                        subFilter: {name: envoy.filters.http.router}
                  cluster: {service: httpbin.foo.svc.cluster.local, portNumber: 8000, subset: v1}
                patch:
                  operation: %s
                  filterClass: %s
                  value:
                    name: envoy.lua
            """
                .formatted(applyTo, context, operation, filterClass),
            EnvoyFilter.class);
    assertThat(ef.workloadSelector().orElseThrow().labelValues()).containsEntry("istio", "ingressgateway");
    assertThat(ef.priority().orElseThrow().value()).isEqualTo(10);
    var p = ef.configPatches().get(0);
    assertThat(p.applyTo().value().name()).isEqualTo(applyTo.equals("INVALID") ? "UNSET" : applyTo);
    var m = p.match().orElseThrow();
    assertThat(m.context().value().name()).isEqualTo(context.equals("bogus") ? "UNSET" : context);
    assertThat(m.listenerPortNumber().orElseThrow().value()).isEqualTo(8080);
    assertThat(m.filterName().orElseThrow().value()).isEqualTo("envoy.filters.network.http_connection_manager");
    assertThat(m.subFilterName().orElseThrow().value()).isEqualTo("envoy.filters.http.router");
    assertThat(m.clusterService().orElseThrow().value()).isEqualTo("httpbin.foo.svc.cluster.local");
    assertThat(m.clusterSubset().orElseThrow().value()).isEqualTo("v1");
    assertThat(m.proxyVersion()).isPresent();
    var patch = p.patch().orElseThrow();
    assertThat(patch.operation().value().name()).isEqualTo(operation.equals("INVALID") ? "UNSET" : operation);
    assertThat(patch.filterClass().value().name()).isEqualTo(filterClass.equals("UNSPECIFIED") ? "UNSET" : filterClass);
    assertThat(patch.value().orElseThrow().startLine()).isEqualTo(24);
  }

  @ParameterizedTest(name = "action {0} -> {1}, effective {2}")
  @CsvSource({
    "ALLOW, ALLOW, ALLOW",
    "DENY, DENY, DENY",
    "AUDIT, AUDIT, AUDIT",
    "CUSTOM, CUSTOM, CUSTOM",
    "'', UNSET, ALLOW",
    "allow, UNSET, ALLOW",
  })
  void decodesAuthorizationPolicy(String action, AuthorizationPolicy.Action expected, AuthorizationPolicy.Action effective) {
    AuthorizationPolicy ap =
        Decode.one(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: ap, namespace: foo}
            spec:
              selector: {matchLabels: {app: httpbin}}
              %s
              provider: {name: ext-authz}
              rules:
              - from:
                - source:
                    principals: ["cluster.local/ns/foo/sa/sleep"]
                    namespaces: [foo]
                    notIpBlocks: [10.0.0.0/8]
                to:
                - operation: {methods: [GET], paths: ["/ip"], ports: ["8000"]}
                when:
                - key: request.headers[x]
                  values: ["1"]
            """
                .formatted(action.isEmpty() ? "" : "action: " + action),
            AuthorizationPolicy.class);
    assertThat(ap.action().value()).isEqualTo(expected);
    assertThat(ap.effectiveAction()).isEqualTo(effective);
    assertThat(ap.provider().orElseThrow().value()).isEqualTo("ext-authz");
    var rule = ap.rules().get(0);
    assertThat(rule.from().get(0).principals()).extracting(Located::value).containsExactly("cluster.local/ns/foo/sa/sleep");
    assertThat(rule.from().get(0).namespaces()).extracting(Located::value).containsExactly("foo");
    assertThat(rule.from().get(0).notIpBlocks()).hasSize(1);
    assertThat(rule.to().get(0).ports()).extracting(Located::value).containsExactly("8000");
    assertThat(rule.when().get(0).key().value()).isEqualTo("request.headers[x]");
    assertThat(ap.rulesWritten()).isTrue();
    assertThat(ap.selector().orElseThrow().labelValues()).containsEntry("app", "httpbin");
  }

  @Test
  void allowNothingPolicyHasNoRules() {
    AuthorizationPolicy ap =
        Decode.one(
            "apiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata: {name: deny-all, namespace: foo}\nspec: {}\n",
            AuthorizationPolicy.class);
    assertThat(ap.rules()).isEmpty();
    assertThat(ap.rulesWritten()).isFalse();
    assertThat(ap.selector()).isEmpty();
  }

  @Test
  void decodesRequestAuthenticationTelemetryWasmAndProxyConfig() {
    Decode d =
        Decode.of(
            """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: jwt, namespace: foo}
            spec:
              targetRefs:
              - {kind: Gateway, group: gateway.networking.k8s.io, name: gw}
              jwtRules:
              - issuer: https://issuer
                jwksUri: https://issuer/jwks
                audiences: [a]
                forwardOriginalToken: true
            ---
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata: {name: mesh-default, namespace: istio-system}
            spec:
              accessLogging:
              - providers: [{name: envoy}]
              tracing:
              - providers: [{name: zipkin}]
            ---
            apiVersion: extensions.istio.io/v1alpha1
            kind: WasmPlugin
            metadata: {name: w, namespace: foo}
            spec:
              selector: {matchLabels: {app: a}}
              url: oci://example/w:1
              phase: AUTHN
              priority: 5
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: ProxyConfig
            metadata: {name: pc, namespace: foo}
            spec:
              selector: {matchLabels: {app: a}}
              concurrency: 2
              environmentVariables: {A: "1"}
              image: {imageType: distroless}
            """);
    assertThat(d.problems).isEmpty();
    RequestAuthentication ra = (RequestAuthentication) d.resources.get(0);
    assertThat(ra.targetRefs().get(0).name().orElseThrow().value()).isEqualTo("gw");
    assertThat(ra.jwtRules().get(0).jwksUri().orElseThrow().value()).isEqualTo("https://issuer/jwks");
    assertThat(ra.jwtRules().get(0).forwardOriginalToken().orElseThrow().value()).isTrue();
    Telemetry t = (Telemetry) d.resources.get(1);
    assertThat(t.accessLogging()).isPresent();
    assertThat(t.metrics()).isEmpty();
    assertThat(t.providers()).extracting(Located::value).containsExactly("zipkin", "envoy");
    WasmPlugin w = (WasmPlugin) d.resources.get(2);
    assertThat(w.phase().value()).isEqualTo(WasmPlugin.Phase.AUTHN);
    assertThat(w.priority().orElseThrow().value()).isEqualTo(5);
    ProxyConfig pc = (ProxyConfig) d.resources.get(3);
    assertThat(pc.concurrency().orElseThrow().value()).isEqualTo(2);
    assertThat(pc.environmentVariables()).extracting(Located::value).containsExactly("A");
    assertThat(pc.imageType().orElseThrow().value()).isEqualTo("distroless");
  }

  @Test
  void decodesWebhookConfigurationsAsClusterScoped() {
    Decode d =
        Decode.of(
            """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: istio-sidecar-injector, namespace: istio-system}
            webhooks:
            - name: namespace.sidecar-injector.istio.io
              clientConfig: {service: {name: istiod, namespace: istio-system, path: /inject}}
              namespaceSelector:
                matchExpressions:
                - {key: istio-injection, operator: In, values: [enabled]}
              objectSelector:
                matchExpressions:
                - {key: sidecar.istio.io/inject, operator: NotIn, values: ["false"]}
              failurePolicy: Fail
            ---
            apiVersion: admissionregistration.k8s.io/v1beta1
            kind: ValidatingWebhookConfiguration
            metadata: {name: istio-validator}
            webhooks:
            - name: validation.istio.io
              clientConfig: {url: https://example/validate}
            """);
    MutatingWebhookConfiguration m = (MutatingWebhookConfiguration) d.resources.get(0);
    assertThat(m.namespace()).isEmpty();
    var wh = m.webhooks().get(0);
    assertThat(wh.serviceName().orElseThrow().value()).isEqualTo("istiod");
    assertThat(wh.namespaceSelector().orElseThrow().matches(java.util.Map.of("istio-injection", "enabled"))).isTrue();
    assertThat(wh.namespaceSelector().orElseThrow().matches(java.util.Map.of())).isFalse();
    assertThat(wh.objectSelector().orElseThrow().matches(java.util.Map.of())).isTrue();
    assertThat(wh.objectSelector().orElseThrow().matches(java.util.Map.of("sidecar.istio.io/inject", "false"))).isFalse();
    assertThat(wh.failurePolicy().orElseThrow().value()).isEqualTo("Fail");
    ValidatingWebhookConfiguration v = (ValidatingWebhookConfiguration) d.resources.get(1);
    assertThat(v.webhooks().get(0).url().orElseThrow().value()).isEqualTo("https://example/validate");
  }
}
