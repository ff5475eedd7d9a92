package dev.istiolint.core.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.istiolint.core.LintException;
import dev.istiolint.core.model.MeshConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshConfigFileTest {

  private static MeshConfig parse(String text) {
    return MeshConfigFile.parse("mesh.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAPlainMeshConfig() {
    MeshConfig mc = parse("enableAutoMtls: false\nrootNamespace: istio-config\n");
    assertThat(mc.enableAutoMtls().orElseThrow().value()).isFalse();
    assertThat(mc.enableAutoMtls().orElseThrow().span().toString()).isEqualTo("mesh.yaml:1:17");
    assertThat(mc.rootNamespace().orElseThrow().value()).isEqualTo("istio-config");
  }

  @Test
  void readsTheIstioConfigMapOrAnIstioOperator() {
    MeshConfig cm =
        parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio}\ndata:\n  mesh: |\n    enableAutoMtls: false\n");
    assertThat(cm.enableAutoMtls().orElseThrow().value()).isFalse();
    assertThat(cm.enableAutoMtls().orElseThrow().span().startLine()).isEqualTo(6);
    MeshConfig iop =
        parse("apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig: {trustDomain: td}\n");
    assertThat(iop.trustDomain().orElseThrow().value()).isEqualTo("td");
  }

  @Test
  void invalidFilesAreUsageErrors() {
    assertThatThrownBy(() -> parse("enableAutoMtls: [x\n"))
        .isInstanceOf(LintException.class)
        .hasMessageContaining("not valid YAML")
        .extracting(e -> ((LintException) e).kind())
        .isEqualTo(LintException.Kind.USAGE);
    assertThatThrownBy(() -> parse("enableAutoMtls: perhaps\n")).hasMessageContaining("enableAutoMtls must be true or false");
    assertThatThrownBy(() -> parse("- a\n")).hasMessageContaining("must be a YAML mapping");
    assertThatThrownBy(() -> parse("")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> parse("kind: ConfigMap\ndata: {}\n")).hasMessageContaining("no data.mesh");
  }

  @Test
  void missingFileIsAUsageError(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> MeshConfigFile.load(dir.resolve("nope.yaml"), "nope.yaml"))
        .isInstanceOf(LintException.class)
        .hasMessageContaining("nope.yaml");
    Path ok = dir.resolve("mesh.yaml");
    Files.writeString(ok, "enableAutoMtls: true\n");
    assertThat(MeshConfigFile.load(ok, "mesh.yaml").enableAutoMtls().orElseThrow().value()).isTrue();
  }
}
