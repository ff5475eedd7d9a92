package dev.istiolint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeshSettingsTest {

  @ParameterizedTest(name = "Istio {0}: enableAutoMtls {1}")
  @CsvSource({"1.0, false", "1.3, false", "1.4, false", "1.5, true", "1.6, true", "1.24, true"})
  void autoMtlsDefaultsFollowTheVersion(String version, boolean expected) {
    MeshSettings s = Manifests.snapshot("", IstioVersion.parse(version).orElseThrow()).settings();
    assertThat(s.autoMtls()).isEqualTo(expected);
    assertThat(s.enableAutoMtls().isDefault()).isTrue();
    assertThat(s.root()).isEqualTo("istio-system");
    assertThat(s.trustDomain().value()).isEqualTo("cluster.local");
    assertThat(s.defaultDestinationRuleExportTo().value()).containsExactly("*");
    assertThat(s.destinationRulesPrivateByDefault()).isFalse();
    assertThat(s.authPolicy().value()).isEqualTo("NONE");
  }

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: istio, namespace: istio-system}
      data:
        mesh: |
          enableAutoMtls: false
          defaultDestinationRuleExportTo: ["."]
          defaultVirtualServiceExportTo: ["."]
          authPolicy: MUTUAL_TLS
      """;

  private static final String OPERATOR =
      """
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      metadata: {name: iop, namespace: istio-system}
      spec:
        meshConfig:
          enableAutoMtls: true
          rootNamespace: istio-config
          trustDomain: example.org
      """;

  @Test
  void configMapSettingsCarryTheirPosition() {
    MeshSettings s = Manifests.snapshot(CONFIG_MAP).settings();
    assertThat(s.autoMtls()).isFalse();
    assertThat(s.enableAutoMtls().source().origin()).isEqualTo(MeshSettings.Origin.CONFIG_MAP);
    assertThat(s.enableAutoMtls().source().span().orElseThrow().startLine()).isEqualTo(6);
    assertThat(s.enableAutoMtls().source().resource().orElseThrow().name()).isEqualTo("istio");
    assertThat(s.destinationRulesPrivateByDefault()).isTrue();
    assertThat(s.authPolicy().value()).isEqualTo("MUTUAL_TLS");
    assertThat(s.rootNamespace().isDefault()).isTrue();
    assertThat(s.defaultVirtualServiceExportTo().value()).containsExactly(".");
    assertThat(s.defaultServiceExportTo().value()).containsExactly("*");
  }

  @Test
  void configMapWinsOverIstioOperatorFieldByField() {
    MeshSettings s = Manifests.snapshot(CONFIG_MAP + "---\n" + OPERATOR).settings();
    assertThat(s.autoMtls()).isFalse();
    assertThat(s.enableAutoMtls().source().origin()).isEqualTo(MeshSettings.Origin.CONFIG_MAP);
    assertThat(s.root()).isEqualTo("istio-config");
    assertThat(s.rootNamespace().source().origin()).isEqualTo(MeshSettings.Origin.ISTIO_OPERATOR);
    assertThat(s.trustDomain().value()).isEqualTo("example.org");
  }

  @Test
  void istioOperatorHelmValueSetsAutoMtlsFor15Installs() {
    MeshSettings s =
        Manifests.snapshot(
                """
                apiVersion: install.istio.io/v1alpha1
                kind: IstioOperator
                metadata: {name: iop, namespace: istio-system}
                spec:
                  values: {global: {mtls: {auto: false}}}
                """,
                new IstioVersion(1, 5))
            .settings();
    assertThat(s.autoMtls()).isFalse();
    assertThat(s.enableAutoMtls().source().description()).contains("values.global.mtls.auto");
  }

  @Test
  void meshConfigFileWinsOverEverything() {
    SourceSpan at = SourceSpan.at("mesh.yaml", 1, 17);
    MeshConfig file =
        new MeshConfig(
            Optional.empty(),
            Optional.of(Located.of(true, at)),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            at);
    MeshSettings s = Manifests.snapshot(CONFIG_MAP, IstioVersion.LATEST, file).settings();
    assertThat(s.autoMtls()).isTrue();
    assertThat(s.enableAutoMtls().source().origin()).isEqualTo(MeshSettings.Origin.MESH_CONFIG_FILE);
    assertThat(s.destinationRulesPrivateByDefault()).isTrue();
  }

  @Test
  void theIstioSystemConfigMapIsPreferred() {
    String other =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio, namespace: aaa}
        data: {mesh: "enableAutoMtls: true"}
        ---
        """;
    MeshSettings s = Manifests.snapshot(other + CONFIG_MAP).settings();
    assertThat(s.autoMtls()).isFalse();
  }
}
