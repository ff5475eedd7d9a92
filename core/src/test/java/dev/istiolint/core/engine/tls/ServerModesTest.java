package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PeerAuthentication composition (§5.1) and the legacy v1alpha1 selection (§5.3), as tables over httpbin.foo. */
class ServerModesTest {

  static Stream<Arguments> peerAuthentications() {
    String meshStrict = Mesh.pa("istio-system", "default", "", "STRICT", "");
    return Stream.of(
        Arguments.of("nothing: PERMISSIVE", "", ServerMtls.PERMISSIVE, "-"),
        Arguments.of("mesh STRICT", meshStrict, ServerMtls.STRICT, "istio-system/default"),
        Arguments.of("namespace UNSET inherits the mesh", meshStrict + Mesh.pa("foo", "default", "", "UNSET", ""),
            ServerMtls.STRICT, "istio-system/default"),
        Arguments.of("namespace overrides mesh", meshStrict + Mesh.pa("foo", "default", "", "PERMISSIVE", ""),
            ServerMtls.PERMISSIVE, "foo/default"),
        Arguments.of("workload overrides namespace",
            Mesh.pa("foo", "default", "", "DISABLE", "") + Mesh.pa("foo", "httpbin", "httpbin", "STRICT", ""),
            ServerMtls.STRICT, "foo/httpbin"),
        Arguments.of("mesh mtls {} is UNSET, i.e. PERMISSIVE",
            "---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace:"
                + " istio-system}\nspec:\n  mtls: {}\n",
            ServerMtls.PERMISSIVE, "-"),
        Arguments.of("portLevelMtls is keyed by the workload port",
            Mesh.pa("foo", "httpbin", "httpbin", "STRICT", "  portLevelMtls: {8080: {mode: DISABLE}}\n"),
            ServerMtls.DISABLE, "foo/httpbin"),
        Arguments.of("a Service port key has no effect",
            Mesh.pa("foo", "httpbin", "httpbin", "STRICT", "  portLevelMtls: {8000: {mode: DISABLE}}\n"),
            ServerMtls.STRICT, "foo/httpbin"),
        Arguments.of("a selector policy in the root namespace is ignored",
            meshStrict + Mesh.pa("istio-system", "sel", "httpbin", "DISABLE", ""), ServerMtls.STRICT,
            "istio-system/default"),
        Arguments.of("the oldest namespace-wide policy wins",
            "---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: b, namespace: foo,"
                + " creationTimestamp: \"2024-01-01T00:00:00Z\"}\nspec: {mtls: {mode: STRICT}}\n"
                + "---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: a, namespace: foo,"
                + " creationTimestamp: \"2024-06-01T00:00:00Z\"}\nspec: {mtls: {mode: PERMISSIVE}}\n",
            ServerMtls.STRICT, "foo/b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("peerAuthentications")
  void peerAuthenticationComposition(String what, String policies, ServerMtls mode, String source) {
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + policies, "1.28"), "foo");
    assertThat(r.serverMtls()).as(String.join("\n", r.explanation())).isEqualTo(mode);
    assertThat(r.serverMtlsSource().map(p -> p.resource().namespace() + "/" + p.resource().name()).orElse("-"))
        .isEqualTo(source);
  }

  private static String meshPolicy(String name, String peers) {
    return "---\napiVersion: authentication.istio.io/v1alpha1\nkind: MeshPolicy\nmetadata: {name: " + name
        + "}\nspec:\n" + peers;
  }

  private static String policy(String name, String spec) {
    return "---\napiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: " + name
        + ", namespace: foo}\nspec:\n" + spec;
  }

  static Stream<Arguments> legacy() {
    String strict = meshPolicy("default", "  peers:\n  - mtls: {}\n");
    return Stream.of(
        Arguments.of("MeshPolicy default with mtls {} is STRICT", strict, ServerMtls.STRICT, "MeshPolicy default"),
        Arguments.of("mtls: null is STRICT", meshPolicy("default", "  peers:\n  - mtls:\n"), ServerMtls.STRICT,
            "MeshPolicy default"),
        Arguments.of("a MeshPolicy with another name is ignored", meshPolicy("mesh", "  peers:\n  - mtls: {}\n"),
            ServerMtls.DISABLE, "-"),
        Arguments.of("a namespace default Policy without peers replaces the MeshPolicy",
            strict + policy("default", "  origins: [{jwt: {issuer: x, jwksUri: y}}]\n"), ServerMtls.DISABLE,
            "Policy foo/default"),
        Arguments.of("a namespace Policy not named default is ignored",
            strict + policy("other", "  origins: [{jwt: {issuer: x, jwksUri: y}}]\n"), ServerMtls.STRICT,
            "MeshPolicy default"),
        Arguments.of("a targeted Policy wins",
            strict + policy("t", "  targets: [{name: httpbin}]\n  peers: [{mtls: {mode: PERMISSIVE}}]\n"),
            ServerMtls.PERMISSIVE, "Policy foo/t"),
        Arguments.of("a targeted Policy for another service port does not apply",
            strict + policy("t", "  targets: [{name: httpbin, ports: [{number: 9000}]}]\n  peers: []\n"),
            ServerMtls.STRICT, "MeshPolicy default"),
        Arguments.of("targets use service ports",
            strict + policy("t", "  targets: [{name: httpbin, ports: [{number: 8000}]}]\n"), ServerMtls.DISABLE,
            "Policy foo/t"),
        Arguments.of("allowTls still requires TLS",
            meshPolicy("default", "  peers:\n  - mtls: {allowTls: true}\n"), ServerMtls.STRICT, "MeshPolicy default"),
        Arguments.of("no policy: meshConfig.authPolicy MUTUAL_TLS",
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |\n"
                + "    authPolicy: MUTUAL_TLS\n",
            ServerMtls.STRICT, "-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacy")
  void legacyPolicySelection(String what, String policies, ServerMtls mode, String source) {
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + policies, "1.0"), "foo");
    assertThat(r.serverMtls()).as(String.join("\n", r.explanation())).isEqualTo(mode);
    assertThat(r.serverMtlsSource().map(p -> p.resource().id().toString()).orElse("-")).isEqualTo(source);
  }

  @ParameterizedTest(name = "1.5 with {0}")
  @org.junit.jupiter.params.provider.CsvSource({"no PeerAuthentication, STRICT, MeshPolicy default", "a mesh PERMISSIVE PeerAuthentication, PERMISSIVE, PeerAuthentication istio-system/default"})
  void istio15FallsBackToV1alpha1WhenNoPeerAuthenticationApplies(String what, ServerMtls mode, String source) {
    String policies = meshPolicy("default", "  peers:\n  - mtls: {}\n")
        + (what.startsWith("a mesh") ? Mesh.pa("istio-system", "default", "", "PERMISSIVE", "") : "");
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + policies, "1.5"), "foo");
    assertThat(r.serverMtls()).as(String.join("\n", r.explanation())).isEqualTo(mode);
    assertThat(r.serverMtlsSource().map(p -> p.resource().id().toString()).orElse("-")).isEqualTo(source);
  }
}
