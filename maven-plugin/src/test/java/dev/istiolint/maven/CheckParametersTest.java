package dev.istiolint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.source.SourceSpan;
import dev.istiolint.maven.CheckParameters.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckParametersTest {

  private static final String CONFIG_MAP =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: apps\n";

  @TempDir Path base;

  private CheckParameters defaults() {
    return new CheckParameters(
        base,
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        "error",
        true,
        0,
        List.of("json"));
  }

  private CheckParameters with(String failOnSeverity, boolean failOnViolation, int maxAllowed) {
    return new CheckParameters(
        base,
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        failOnSeverity,
        failOnViolation,
        maxAllowed,
        List.of());
  }

  private CheckParameters scanning(List<Path> dirs, List<String> includes, List<String> excludes) {
    return new CheckParameters(
        base,
        dirs,
        includes,
        excludes,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        "error",
        true,
        0,
        List.of());
  }

  private Path write(String relative, String text) throws IOException {
    Path file = base.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** Two findings: a duplicate ConfigMap (warning) and a syntax error (error). */
  private static LintResult oneWarningOneError() {
    return Linter.lint(
        LintRequest.builder()
            .source(SourceInput.of("dup.yaml", CONFIG_MAP + "---\n" + CONFIG_MAP))
            .source(SourceInput.of("broken.yaml", "a: [1, 2\n"))
            .build());
  }

  @Test
  void defaultFoldersAreTheExistingOnesOnly() throws IOException {
    Files.createDirectories(base.resolve("k8s"));
    Files.createDirectories(base.resolve("istio"));

    assertThat(defaults().directories()).containsExactly(base.resolve("k8s"), base.resolve("istio"));
    assertThat(defaults().missingDirectories()).isEmpty();
  }

  @Test
  void configuredFoldersAreResolvedAgainstTheBaseDirectoryAndMissingOnesReported() throws IOException {
    Files.createDirectories(base.resolve("charts/out"));
    CheckParameters p = scanning(List.of(Path.of("charts/out"), Path.of("nope")), List.of(), List.of());

    assertThat(p.directories()).containsExactly(base.resolve("charts/out"));
    assertThat(p.missingDirectories()).containsExactly(base.resolve("nope"));
    assertThat(p.shown(base.resolve("nope"))).isEqualTo("nope");
  }

  @Test
  void defaultIncludesFindYamlAndJsonButNotCiWorkflowsOrBuildOutput() throws IOException {
    Path a = write("k8s/a.yaml", CONFIG_MAP);
    Path b = write("k8s/sub/b.yml", CONFIG_MAP);
    Path c = write("k8s/c.json", "{}");
    write("k8s/readme.md", "# notes");
    write("k8s/.github/workflows/ci.yml", "on: push");
    write("k8s/target/copy.yaml", CONFIG_MAP);
    write("k8s/node_modules/x/y.yaml", CONFIG_MAP);
    write(".github/workflows/ci.yml", "on: push");

    assertThat(defaults().manifests()).containsExactly(a, c, b);
  }

  @Test
  void includesAndExcludesAreAntPatternsRelativeToTheSourceDirectory() throws IOException {
    Path keep = write("deploy/prod/gateway.yaml", CONFIG_MAP);
    write("deploy/dev/gateway.yaml", CONFIG_MAP);
    write("deploy/prod/values.json", "{}");
    CheckParameters p = scanning(List.of(Path.of("deploy")), List.of("prod/*.yaml", "**/*.json"), List.of("**/*.json"));

    assertThat(p.manifests()).containsExactly(keep);
  }

  @Test
  void globTranslatesAntWildcards() {
    assertThat(CheckParameters.glob("**/*.yaml").matcher("a.yaml").matches()).isTrue();
    assertThat(CheckParameters.glob("**/*.yaml").matcher("x/y/a.yaml").matches()).isTrue();
    assertThat(CheckParameters.glob("*.yaml").matcher("x/a.yaml").matches()).isFalse();
    assertThat(CheckParameters.glob("a?.yml").matcher("ab.yml").matches()).isTrue();
    assertThat(CheckParameters.glob("generated/").matcher("generated/x/a.yaml").matches()).isTrue();
    assertThat(CheckParameters.glob("**/.github/**").matcher(".github/workflows/ci.yml").matches()).isTrue();
    assertThat(CheckParameters.glob("a+b.yaml").matcher("aab.yaml").matches()).isFalse();
  }

  @Test
  void mapsEveryRequestSetting() throws IOException {
    Path file = write("k8s/a.yaml", CONFIG_MAP);
    CheckParameters p =
        new CheckParameters(
            base,
            List.of(),
            List.of(),
            List.of(),
            Optional.of("1.22.3"),
            Optional.of(Path.of("mesh.yaml")),
            Optional.empty(),
            List.of("yaml001, yaml002", "LINT003"),
            List.of("LINT002"),
            "warning",
            true,
            0,
            List.of());

    LintRequest request = p.toRequest(List.of(file), List.of());

    assertThat(request.baseDirectory()).isEqualTo(base);
    assertThat(request.paths()).containsExactly(file);
    assertThat(request.istioVersion()).contains(new IstioVersion(1, 22));
    assertThat(request.meshConfig()).contains(base.resolve("mesh.yaml"));
    assertThat(request.select()).containsExactlyInAnyOrder("YAML001", "YAML002", "LINT003");
    assertThat(request.ignore()).containsExactly("LINT002");
  }

  @Test
  void rejectsAnInvalidIstioVersionWithAUsageError() {
    CheckParameters p =
        new CheckParameters(
            base,
            List.of(),
            List.of(),
            List.of(),
            Optional.of("2.x"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            "error",
            true,
            0,
            List.of());

    assertThatThrownBy(() -> p.toRequest(List.of(), List.of()))
        .isInstanceOf(LintException.class)
        .hasMessage("istioVersion '2.x' is not an Istio version such as 1.24")
        .satisfies(e -> assertThat(((LintException) e).kind()).isEqualTo(LintException.Kind.USAGE));
  }

  @Test
  void rejectsAnUnknownSeverityFormatOrNegativeMaximum() {
    assertThatThrownBy(() -> with("fatal", true, 0).validate())
        .hasMessage("failOnSeverity 'fatal' is not one of error, warning, info");
    assertThatThrownBy(() -> with("error", true, -1).toRequest(List.of(), List.of()))
        .hasMessage("maxAllowedViolations must be 0 or more, not -1");
    CheckParameters pdf =
        new CheckParameters(
            base,
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            "error",
            true,
            0,
            List.of("json", "pdf"));
    assertThatThrownBy(pdf::formats).hasMessage("outputFormats entry 'pdf' is not one of json, sarif, junit");
  }

  @Test
  void outputFormatsAcceptCommaSeparatedValuesInAnyCase() {
    CheckParameters p =
        new CheckParameters(
            base,
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            "error",
            true,
            0,
            List.of("SARIF,json", "junit", "json"));

    assertThat(p.formats()).containsExactly(OutputFormat.SARIF, OutputFormat.JSON, OutputFormat.JUNIT);
  }

  @Test
  void thresholdParsesTheSeverityNames() {
    assertThat(with("ERROR", true, 0).threshold()).isEqualTo(Severity.ERROR);
    assertThat(with("warn", true, 0).threshold()).isEqualTo(Severity.WARNING);
    assertThat(with("info", true, 0).threshold()).isEqualTo(Severity.INFO);
  }

  @Test
  void failsWhenViolationsExceedTheMaximum() {
    LintResult result = oneWarningOneError();

    assertThat(with("error", true, 0).violations(result)).isEqualTo(1);
    assertThat(with("warning", true, 0).violations(result)).isEqualTo(2);
    assertThat(with("error", true, 0).failure(result))
        .contains("istio-lint found 1 violation at severity error or above; fix them or see the reports for details");
    assertThat(with("warning", true, 1).failure(result))
        .contains(
            "istio-lint found 2 violations at severity warning or above (at most 1 allowed); fix them or see the"
                + " reports for details");
  }

  @Test
  void passesWithinTheMaximumOrWhenViolationsDoNotFail() {
    LintResult result = oneWarningOneError();

    assertThat(with("warning", true, 2).failure(result)).isEmpty();
    assertThat(with("info", false, 0).failure(result)).isEmpty();
  }

  @Test
  void summaryCountsFilesResourcesAndSeverities() {
    String summary = CheckParameters.summary(oneWarningOneError());

    assertThat(summary)
        .startsWith("istio-lint checked 2 files (2 resources) against Istio ")
        .endsWith(": 1 error, 1 warning, 0 infos");
  }

  @Test
  void configFileIsTheConfiguredOneOrTheBaseDirectorysIfPresent() throws IOException {
    assertThat(defaults().configFile()).isEmpty();
    Path found = write(".istio-lint.yaml", "ignore: [LINT003]\n");
    assertThat(defaults().configFile()).contains(found);

    Path other = write("config/lint.yaml", "ignore: []\n");
    CheckParameters configured =
        new CheckParameters(
            base,
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Path.of("config/lint.yaml")),
            List.of(),
            List.of(),
            "error",
            true,
            0,
            List.of());
    assertThat(configured.configFile()).contains(other);
  }

  @Test
  void aConfiguredConfigFileThatDoesNotExistIsAUsageError() {
    CheckParameters p =
        new CheckParameters(
            base,
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Path.of("missing.yaml")),
            List.of(),
            List.of(),
            "error",
            true,
            0,
            List.of());

    assertThatThrownBy(p::configFile).isInstanceOf(LintException.class).hasMessage("configLocation missing.yaml is not a file");
  }

  @Test
  void logLineIsPathLineColumnIdAndMessageOnOneLine() {
    Diagnostic d =
        new Diagnostic(
            CoreRules.SYNTAX_ERROR,
            Severity.ERROR,
            "expected ',' or '}'\n in line 10",
            SourceSpan.at("k8s/gateway.yaml", 10, 11),
            Optional.empty(),
            List.of());

    assertThat(CheckParameters.line(d)).isEqualTo("k8s/gateway.yaml:[10,11] [YAML002] expected ',' or '}'\\n in line 10");
  }

  @Test
  void searchedNamesTheConfiguredFoldersOrTheDefaults() {
    assertThat(defaults().searched())
        .isEqualTo("the default folders src/main/k8s, src/main/istio, k8s, deploy, manifests, istio");
    assertThat(scanning(List.of(Path.of("ops/k8s")), List.of(), List.of()).searched()).isEqualTo("ops/k8s");
  }
}
