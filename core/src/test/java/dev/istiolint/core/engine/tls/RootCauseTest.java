package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Attribution of non-OK routes (§6.5): one root cause however many clients, and who is flagged. */
class RootCauseTest {

  private static final String LEGACY_MESH = """
      ---
      apiVersion: authentication.istio.io/v1alpha1
      kind: MeshPolicy
      metadata: {name: default}
      spec: {peers: [{mtls: {}}]}
      """;

  @Test
  void oneRuleBreakingSeveralClientNamespacesIsOneRootCauseOnTheRule() {
    TlsMatrix m = Mesh.matrix(Mesh.FOO + LEGACY_MESH
        + Mesh.dr("bar", "cb", "httpbin.foo.svc.cluster.local", "  trafficPolicy: {connectionPool: {tcp: {maxConnections: 1}}}\n"),
        "1.0");
    assertThat(m.rootCauses(Verdict.CONFLICT)).hasSize(1);
    RootCause c = m.rootCauses(Verdict.CONFLICT).get(0);
    assertThat(c.routes()).extracting(Route::clientNamespace).containsExactly("bar", "foo");
    assertThat(c.flagged()).extracting(p -> p.resource().id().toString()).containsExactly("DestinationRule bar/cb");
    assertThat(c.participants()).extracting(p -> p.resource().id().toString())
        .containsExactly("DestinationRule bar/cb", "MeshPolicy default");
  }

  @Test
  void meshWideResourcesAreFlaggedOnlyWhenNothingNarrowerTookPart() {
    TlsMatrix m = Mesh.matrix(Mesh.FOO + LEGACY_MESH, "1.0");
    RootCause c = m.rootCauses(Verdict.CONFLICT).get(0);
    assertThat(c.flagged()).extracting(p -> p.resource().id().toString()).containsExactly("MeshPolicy default");
  }

  @Test
  void insecureRoutesFlagOnlyTheClientRule() {
    TlsMatrix m = Mesh.matrix(Mesh.FOO + Mesh.pa("foo", "default", "", "PERMISSIVE", "")
        + Mesh.dr("foo", "plain", "httpbin", "  trafficPolicy: {tls: {mode: DISABLE}}\n"), "1.28");
    RootCause c = m.rootCauses(Verdict.INSECURE).get(0);
    assertThat(c.flagged()).extracting(p -> p.resource().id().toString()).containsExactly("DestinationRule foo/plain");
    assertThat(m.rootCauses(Verdict.CONFLICT)).isEmpty();
  }

  @Test
  void aConflictRouteExplainsTheWireFailureAndTheFix() {
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + Mesh.pa("foo", "default", "", "STRICT", "")
        + Mesh.dr("foo", "plain", "httpbin", "  trafficPolicy: {tls: {mode: DISABLE}}\n"), "1.28"), "foo");
    assertThat(r.verdict()).isEqualTo(Verdict.CONFLICT);
    assertThat(r.wire()).get().asString().contains("filter_chain_not_found").contains("UC");
    assertThat(r.fix()).get().asString().contains("ISTIO_MUTUAL").contains("foo/plain");
    assertThat(r.clientTlsSource()).get().extracting(Provenance::field).isEqualTo("trafficPolicy.tls.mode");
    assertThat(r.serverMtlsSource()).get().extracting(Provenance::field).isEqualTo("mtls.mode");
  }

  @Test
  void costGrowsLinearlyWithTheInput() {
    StringBuilder yaml = new StringBuilder(Mesh.FOO);
    for (int i = 0; i < 300; i++) {
      yaml.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: s").append(i)
          .append(", namespace: foo}\nspec: {selector: {app: httpbin}, ports: [{port: 80}]}\n");
      yaml.append(Mesh.dr("foo", "r" + i, "s" + i, "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n"));
    }
    long start = System.nanoTime();
    TlsMatrix m = Mesh.matrix(yaml.toString(), "1.28");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(m.routes()).hasSize(2 * 301);
    assertThat(ms).as("milliseconds for 600 routes over 300 rules").isLessThan(5_000);
  }

  @Test
  void workloadsOfNamespacesMissingFromTheInputAreAssumedInjected() {
    String noNamespaces = Mesh.FOO.substring(Mesh.FOO.indexOf("apiVersion: v1\nkind: Service"));
    TlsMatrix m = Mesh.matrix(noNamespaces + Mesh.dr("foo", "m", "httpbin", "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n"),
        "1.28");
    Route r = Mesh.httpbin(m, "foo");
    assertThat(r.verdict()).isEqualTo(Verdict.OK);
    assertThat(r.serverMtls()).isEqualTo(ServerMtls.PERMISSIVE);
    assertThat(String.join("\n", r.explanation())).contains("is not in the input; assuming it enables injection");
  }
}
