package dev.istiolint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotThroughLinterTest {

  private static final String MANIFEST =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: istio, namespace: istio-system}
      data:
        mesh: |
          enableAutoMtls: true
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: foo, labels: {istio-injection: enabled}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: sleep, namespace: foo}
      spec: {template: {metadata: {labels: {app: sleep}}, spec: {containers: [{name: sleep}]}}}
      """;

  @Test
  void theRunBuildsTheSnapshotForTheChosenVersionAndMeshConfigFile(@TempDir Path dir) throws Exception {
    Path mesh = dir.resolve("mesh.yaml");
    Files.writeString(mesh, "enableAutoMtls: false\n");
    LintResult r =
        Linter.lint(
            LintRequest.builder()
                .baseDirectory(dir)
                .source(SourceInput.of("in.yaml", MANIFEST))
                .istioVersion(new IstioVersion(1, 4))
                .meshConfig(mesh)
                .build());
    MeshSnapshot s = r.snapshot();
    assertThat(s.istioVersion()).isEqualTo(new IstioVersion(1, 4));
    assertThat(s.settings().autoMtls()).isFalse();
    assertThat(s.settings().enableAutoMtls().source().origin()).isEqualTo(MeshSettings.Origin.MESH_CONFIG_FILE);
    assertThat(s.settings().enableAutoMtls().source().span().orElseThrow().file()).isEqualTo("mesh.yaml");
    assertThat(s.workloadsIn("foo")).singleElement().matches(Workload::hasSidecar);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void anUnreadableMeshConfigFileIsAUsageError(@TempDir Path dir) {
    LintRequest req =
        LintRequest.builder()
            .baseDirectory(dir)
            .source(SourceInput.of("in.yaml", MANIFEST))
            .meshConfig(dir.resolve("missing.yaml"))
            .build();
    assertThatThrownBy(() -> Linter.lint(req))
        .isInstanceOf(LintException.class)
        .hasMessageContaining("missing.yaml")
        .extracting(e -> ((LintException) e).kind())
        .isEqualTo(LintException.Kind.USAGE);
  }

  @Test
  void anInvalidMeshConfigInTheManifestsIsAFinding() {
    LintResult r =
        Linter.lint(
            LintRequest.builder()
                .source(
                    SourceInput.of(
                        "in.yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\n"
                            + "data:\n  mesh: |\n    enableAutoMtls: sometimes\n"))
                .build());
    assertThat(r.findings()).singleElement().satisfies(d -> {
      assertThat(d.rule()).isEqualTo(CoreRules.INVALID_MESH_CONFIG);
      assertThat(d.span().startLine()).isEqualTo(6);
    });
    assertThat(r.snapshot().settings().enableAutoMtls().isDefault()).isTrue();
  }
}
