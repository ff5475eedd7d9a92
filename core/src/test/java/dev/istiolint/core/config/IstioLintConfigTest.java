package dev.istiolint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.IstioVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IstioLintConfigTest {

  private static final Set<String> IDS = Set.of("TLS001", "LINT002", "LINT003");

  /** A configuration with every key. */
  private static IstioLintConfig everyKey(Path dir) throws IOException {
    Path f =
        Files.writeString(
            dir.resolve(".istio-lint.yaml"),
            "istioVersion: 1.6.2\nmeshConfig: mesh.yaml\nselect: [TLS001, LINT003]\nignore: LINT002\n"
                + "severity: {LINT003: error}\nexclude: ['charts/**']\nperFileIgnores:\n  'legacy/**': [TLS001]\n");
    return IstioLintConfig.load(f, ".istio-lint.yaml", IDS);
  }

  @Test
  void readsEveryKey(@TempDir Path dir) throws IOException {
    IstioLintConfig c = everyKey(dir);
    assertThat(c.istioVersion()).contains(new IstioVersion(1, 6));
    assertThat(c.meshConfig()).contains(dir.toAbsolutePath().resolve("mesh.yaml"));
    assertThat(c.select()).containsExactly("TLS001", "LINT003");
    assertThat(c.ignore()).containsExactly("LINT002");
    assertThat(c.severity()).isEqualTo(Map.of("LINT003", Severity.ERROR));
    assertThat(c.exclude()).containsExactly("charts/**");
    assertThat(c.perFileIgnores()).hasSize(1);
    assertThat(c.perFileIgnores().get(0).covers("legacy/a.yaml", "TLS001")).isTrue();
    assertThat(c.perFileIgnores().get(0).covers("apps/a.yaml", "TLS001")).isFalse();
  }

  @Test
  void appliesEverythingToALintRequestOrOnlyWhatDecidesTheMesh(@TempDir Path dir) throws IOException {
    IstioLintConfig c = everyKey(dir);

    LintRequest everything = applied(dir, c::applyTo);
    assertDecidesTheMesh(everything, dir);
    assertThat(everything.select()).containsExactlyInAnyOrder("TLS001", "LINT003");
    assertThat(everything.ignore()).containsExactly("LINT002");
    assertThat(everything.severityOverrides()).isEqualTo(Map.of("LINT003", Severity.ERROR));
    assertThat(everything.perFileIgnores()).hasSize(1);

    LintRequest mesh = applied(dir, c::applyInputsTo);
    assertDecidesTheMesh(mesh, dir);
    assertThat(mesh.select()).isEmpty();
    assertThat(mesh.ignore()).isEmpty();
    assertThat(mesh.severityOverrides()).isEmpty();
    assertThat(mesh.perFileIgnores()).isEmpty();
  }

  private static LintRequest applied(Path dir, Consumer<LintRequest.Builder> apply) {
    LintRequest.Builder b = LintRequest.builder().path(dir);
    apply.accept(b);
    return b.build();
  }

  /** The keys of {@link #everyKey} that decide the mesh are in {@code r}. */
  private static void assertDecidesTheMesh(LintRequest r, Path dir) {
    assertThat(r.istioVersion()).contains(new IstioVersion(1, 6));
    assertThat(r.meshConfig()).contains(dir.toAbsolutePath().resolve("mesh.yaml"));
    assertThat(r.exclude()).containsExactly("charts/**");
  }

  @Test
  void anEmptyFileIsAnEmptyConfiguration(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("c.yaml"), "# nothing\n");
    assertThat(IstioLintConfig.load(f, "c.yaml", IDS).select()).isEmpty();
  }

  @Test
  void errorsNameTheLine(@TempDir Path dir) throws IOException {
    assertUsage(dir, "select: [TLS001]\nbogus: 1\n", "c.yaml:2:1: invalid configuration: unknown key \"bogus\"");
    assertUsage(dir, "istioVersion: two\n", "c.yaml:1:15: invalid configuration: istioVersion \"two\" is not a version like 1.24");
    assertUsage(dir, "ignore:\n  - TLS001\n  - TLS999\n", "c.yaml:3:5: invalid configuration: unknown rule id \"TLS999\"");
    assertUsage(dir, "exclude: charts\n", "c.yaml:1:10: invalid configuration: exclude needs a list");
    assertUsage(dir, "- a\n", "c.yaml:1:1: invalid configuration: the configuration must be one mapping");
    assertUsage(dir, "select: [TLS001\n", "c.yaml:2:1: invalid configuration: ");
  }

  @Test
  void foundInTheNearestParent(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve(IstioLintConfig.FILE_NAME), "");
    Path deep = Files.createDirectories(dir.resolve("a/b"));
    assertThat(IstioLintConfig.find(deep)).contains(f.toAbsolutePath());
  }

  private static void assertUsage(Path dir, String text, String message) throws IOException {
    Path f = Files.writeString(dir.resolve("c.yaml"), text);
    assertThatThrownBy(() -> IstioLintConfig.load(f, "c.yaml", IDS))
        .isInstanceOfSatisfying(LintException.class, e -> assertThat(e.kind()).isEqualTo(LintException.Kind.USAGE))
        .hasMessageStartingWith(message);
  }
}
