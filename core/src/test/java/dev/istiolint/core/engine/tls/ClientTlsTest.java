package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The TLS inside the chosen rule (§3) and the auto mTLS decision (§4), as tables over httpbin.foo:8000. */
class ClientTlsTest {

  private static String mesh(boolean auto, String extra) {
    return "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |\n"
        + "    enableAutoMtls: " + auto + "\n" + extra;
  }

  private static final String VS_V2 = """
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: httpbin, namespace: foo}
      spec:
        hosts: [httpbin]
        http: [{route: [{destination: {host: httpbin, subset: v2}}]}]
      """;

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("top-level tls", "1.28", false, "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n", ClientTls.ISTIO_MUTUAL),
        Arguments.of("a tls block without mode is DISABLE", "1.28", true, "  trafficPolicy: {tls: {sni: x}}\n",
            ClientTls.DISABLE),
        Arguments.of("port-level entry without tls drops it (auto off)", "1.28", false,
            "  trafficPolicy:\n    tls: {mode: ISTIO_MUTUAL}\n    portLevelSettings:\n    - port: {number: 8000}\n"
                + "      connectionPool: {tcp: {maxConnections: 1}}\n",
            ClientTls.DISABLE),
        Arguments.of("port-level entry without tls, auto on: the endpoint keeps mTLS", "1.28", true,
            "  trafficPolicy:\n    tls: {mode: ISTIO_MUTUAL}\n    portLevelSettings:\n    - port: {number: 8000}\n"
                + "      connectionPool: {tcp: {maxConnections: 1}}\n",
            ClientTls.ISTIO_MUTUAL),
        Arguments.of("port-level entry without tls under top-level DISABLE, auto on", "1.28", true,
            "  trafficPolicy:\n    tls: {mode: DISABLE}\n    portLevelSettings:\n    - port: {number: 8000}\n"
                + "      connectionPool: {tcp: {maxConnections: 1}}\n",
            ClientTls.DISABLE),
        Arguments.of("an entry for another port leaves the top level", "1.28", false,
            "  trafficPolicy:\n    tls: {mode: ISTIO_MUTUAL}\n    portLevelSettings:\n    - port: {number: 9000}\n"
                + "      tls: {mode: DISABLE}\n",
            ClientTls.ISTIO_MUTUAL),
        Arguments.of("1.0 selects a port by name", "1.0", false,
            "  trafficPolicy:\n    portLevelSettings:\n    - port: {name: http}\n      tls: {mode: ISTIO_MUTUAL}\n",
            ClientTls.ISTIO_MUTUAL),
        Arguments.of("no trafficPolicy at all: auto mTLS", "1.28", true, "  subsets: [{name: v1, labels: {version: v1}}]\n",
            ClientTls.ISTIO_MUTUAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theRulesTlsForTheServicePort(String what, String version, boolean auto, String body, ClientTls expected) {
    String yaml = Mesh.FOO + mesh(auto, "") + Mesh.pa("istio-system", "default", "", "STRICT", "")
        + Mesh.dr("foo", "httpbin", "httpbin", body);
    Route r = Mesh.httpbin(Mesh.matrix(yaml, version), "foo");
    assertThat(r.clientTls()).as(String.join("\n", r.explanation())).isEqualTo(expected);
  }

  static Stream<Arguments> subsets() {
    String base = "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n  subsets:\n  - name: v2\n    labels: {version: v2}\n";
    return Stream.of(
        Arguments.of("a subset policy without tls inherits the rule's", "1.28",
            base + "    trafficPolicy: {connectionPool: {tcp: {maxConnections: 1}}}\n", ClientTls.ISTIO_MUTUAL),
        Arguments.of("a subset port-level entry without tls clears it", "1.28",
            base + "    trafficPolicy:\n      portLevelSettings:\n      - port: {number: 8000}\n"
                + "        connectionPool: {tcp: {maxConnections: 1}}\n",
            ClientTls.DISABLE),
        Arguments.of("1.0 keeps the rule's tls under a subset port-level entry without tls", "1.0",
            base + "    trafficPolicy:\n      portLevelSettings:\n      - port: {number: 8000}\n"
                + "        connectionPool: {tcp: {maxConnections: 1}}\n",
            ClientTls.ISTIO_MUTUAL),
        Arguments.of("a subset tls always overrides", "1.28",
            base + "    trafficPolicy: {tls: {mode: DISABLE}}\n", ClientTls.DISABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subsets")
  void subsetTrafficPolicyMerging(String what, String version, String body, ClientTls expected) {
    String yaml = Mesh.FOO + mesh(false, "") + Mesh.pa("istio-system", "default", "", "STRICT", "")
        + Mesh.dr("foo", "httpbin", "httpbin", body) + VS_V2;
    TlsMatrix m = Mesh.matrix(yaml, version);
    Route r = m.routes().stream().filter(x -> x.clientNamespace().equals("foo") && x.subset().isPresent()
        && x.host().startsWith("httpbin.foo")).findFirst().orElseThrow();
    assertThat(r.subset()).contains("v2");
    assertThat(r.clientTls()).as(String.join("\n", r.explanation())).isEqualTo(expected);
  }

  static Stream<Arguments> auto() {
    return Stream.of(
        Arguments.of("auto on, mesh STRICT", "1.28", "true", "STRICT", "", ClientTls.ISTIO_MUTUAL),
        Arguments.of("auto off", "1.28", "false", "STRICT", "", ClientTls.DISABLE),
        Arguments.of("the version default of 1.28 is on", "1.28", "", "STRICT", "", ClientTls.ISTIO_MUTUAL),
        Arguments.of("the version default of 1.4 is off", "1.4", "", "", "", ClientTls.DISABLE),
        Arguments.of("1.3 has no auto mTLS", "1.3", "true", "", "", ClientTls.DISABLE),
        Arguments.of("mesh DISABLE makes the inferred service mode DISABLE", "1.28", "true", "DISABLE", "STRICT",
            ClientTls.DISABLE),
        Arguments.of("since 1.12 a workload DISABLE clears the endpoint label", "1.12", "true", "STRICT", "DISABLE",
            ClientTls.DISABLE),
        Arguments.of("before 1.12 workload policies are not consulted", "1.11", "true", "STRICT", "DISABLE",
            ClientTls.ISTIO_MUTUAL));
  }

  static Stream<Arguments> legacyAuto() {
    String meshPolicy = "---\napiVersion: authentication.istio.io/v1alpha1\nkind: MeshPolicy\nmetadata: {name: default}\n"
        + "spec: {peers: [{mtls: {}}]}\n";
    return Stream.of(
        Arguments.of("1.4 infers from the v1alpha1 policy: mTLS", meshPolicy, ClientTls.ISTIO_MUTUAL),
        Arguments.of("1.4 infers from the v1alpha1 policy: none means plaintext", "", ClientTls.DISABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacyAuto")
  void autoMtlsIn14UsesTheLegacyPolicy(String what, String policies, ClientTls expected) {
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + mesh(true, "") + policies, "1.4"), "foo");
    assertThat(r.clientTls()).as(String.join("\n", r.explanation())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("auto")
  void autoMtlsDecision(String what, String version, String auto, String meshMode, String workloadMode, ClientTls expected) {
    String yaml = Mesh.FOO
        + (auto.isEmpty() ? "" : mesh(Boolean.parseBoolean(auto), ""))
        + (meshMode.isEmpty() ? "" : Mesh.pa("istio-system", "default", "", meshMode, ""))
        + (workloadMode.isEmpty() ? "" : Mesh.pa("foo", "httpbin", "httpbin", workloadMode, ""));
    Route r = Mesh.httpbin(Mesh.matrix(yaml, version), "foo");
    assertThat(r.clientTls()).as(String.join("\n", r.explanation())).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void credentialNameWithoutSelectorIsDroppedBySidecarsButHonouredByGateways() {
    String yaml = Mesh.FOO + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: istio-egressgateway, namespace: istio-system}
        spec:
          selector: {matchLabels: {istio: egressgateway}}
          template:
            metadata: {labels: {istio: egressgateway}}
            spec: {containers: [{name: istio-proxy, image: proxyv2, args: [proxy, router]}]}
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: api, namespace: foo}
        spec:
          hosts: [api.example.com]
          location: MESH_EXTERNAL
          ports: [{number: 443, name: tls, protocol: TLS}]
          resolution: DNS
        """ + Mesh.dr("foo", "api", "api.example.com",
            "  trafficPolicy: {tls: {mode: SIMPLE, credentialName: api-ca, sni: api.example.com}}\n");
    TlsMatrix m = Mesh.matrix(yaml, "1.24");
    Route sidecar = m.routes().stream().filter(r -> r.clientNamespace().equals("foo") && r.host().equals("api.example.com"))
        .findFirst().orElseThrow();
    Route gateway = m.routes().stream()
        .filter(r -> r.clientNamespace().equals("istio-system") && r.host().equals("api.example.com"))
        .findFirst().orElseThrow();
    assertThat(sidecar.clientTls()).isEqualTo(ClientTls.DISABLE);
    assertThat(sidecar.verdict()).isEqualTo(Verdict.CONFLICT);
    assertThat(gateway.clientTls()).as(String.join("\n", gateway.explanation())).isEqualTo(ClientTls.SIMPLE);
    assertThat(gateway.verdict()).isEqualTo(Verdict.OK);
  }

  @org.junit.jupiter.api.Test
  void passthroughLoadBalancingWithASidecarLessEndpointTurnsAutoMtlsOff() {
    String legacyPod = """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: httpbin-legacy, namespace: foo}
        spec:
          selector: {matchLabels: {app: httpbin}}
          template:
            metadata: {labels: {app: httpbin, sidecar.istio.io/inject: "false"}}
            spec: {containers: [{name: httpbin, image: httpbin, ports: [{containerPort: 8080}]}]}
        """;
    String lb = Mesh.dr("foo", "httpbin", "httpbin", "  trafficPolicy: {loadBalancer: {simple: PASSTHROUGH}}\n");
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + legacyPod + Mesh.pa("foo", "default", "", "STRICT", "") + lb, "1.28"),
        "foo");
    assertThat(r.clientTls()).isEqualTo(ClientTls.DISABLE);
    assertThat(r.serverMtls()).isEqualTo(ServerMtls.STRICT);
    assertThat(r.verdict()).isEqualTo(Verdict.CONFLICT);
    assertThat(String.join("\n", r.explanation())).contains("PASSTHROUGH");
  }
}
