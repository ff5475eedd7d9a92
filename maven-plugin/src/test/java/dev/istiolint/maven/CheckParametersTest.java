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

  /** The Mojo's defaults; tests change one value at a time. */
  private final class Params {
    Path root = base;
    String module = "";
    List<Path> sourceDirectories = List.of();
    List<String> includes = List.of();
    List<String> excludes = List.of();
    Optional<String> istioVersion = Optional.empty();
    Optional<Path> meshConfig = Optional.empty();
    Optional<Path> configLocation = Optional.empty();
    List<String> select = List.of();
    List<String> ignore = List.of();
    String failOnSeverity = "error";
    boolean failOnViolation = true;
    int maxAllowedViolations = 0;
    int threads = 0;
    List<String> outputFormats = List.of("json");

    CheckParameters build() {
      return new CheckParameters(
          base.resolve(module),
          root,
          sourceDirectories,
          includes,
          excludes,
          istioVersion,
          meshConfig,
          configLocation,
          select,
          ignore,
          failOnSeverity,
          failOnViolation,
          maxAllowedViolations,
          threads,
          outputFormats);
    }
  }

  private CheckParameters defaults() {
    return new Params().build();
  }

  private CheckParameters with(String failOnSeverity, boolean failOnViolation, int maxAllowed) {
    Params p = new Params();
    p.failOnSeverity = failOnSeverity;
    p.failOnViolation = failOnViolation;
    p.maxAllowedViolations = maxAllowed;
    return p.build();
  }

  private CheckParameters scanning(List<Path> dirs, List<String> includes, List<String> excludes) {
    Params p = new Params();
    p.sourceDirectories = dirs;
    p.includes = includes;
    p.excludes = excludes;
    return p.build();
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
    Params p = new Params();
    p.istioVersion = Optional.of("1.22.3");
    p.meshConfig = Optional.of(Path.of("mesh.yaml"));
    p.select = List.of("yaml001, yaml002", "LINT003");
    p.ignore = List.of("LINT002");

    LintRequest request = p.build().toRequest(List.of(file), List.of());

    assertThat(request.baseDirectory()).isEqualTo(base);
    assertThat(request.paths()).containsExactly(file);
    assertThat(request.istioVersion()).contains(new IstioVersion(1, 22));
    assertThat(request.meshConfig()).contains(base.resolve("mesh.yaml"));
    assertThat(request.select()).containsExactlyInAnyOrder("YAML001", "YAML002", "LINT003");
    assertThat(request.ignore()).containsExactly("LINT002");
  }

  @Test
  void rejectsAnInvalidIstioVersionWithAUsageError() {
    Params p = new Params();
    p.istioVersion = Optional.of("2.x");

    assertThatThrownBy(() -> p.build().toRequest(List.of(), List.of()))
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
    Params pdf = new Params();
    pdf.outputFormats = List.of("json", "pdf");
    assertThatThrownBy(() -> pdf.build().validate()).hasMessage("outputFormats entry 'pdf' is not one of json, sarif, junit");
  }

  @Test
  void threadsReachTheRequestAndMustNotBeNegative() {
    Params p = new Params();
    assertThat(p.build().toRequest(List.of(), List.of()).threads()).as("automatic by default").isZero();
    p.threads = 3;
    assertThat(p.build().toRequest(List.of(), List.of()).threads()).isEqualTo(3);
    p.threads = -1;
    assertThatThrownBy(() -> p.build().validate())
        .hasMessage("threads must be 0 (automatic) or more, not -1")
        .satisfies(e -> assertThat(((LintException) e).kind()).isEqualTo(LintException.Kind.USAGE));
  }

  @Test
  void outputFormatsAcceptCommaSeparatedValuesInAnyCase() {
    Params p = new Params();
    p.outputFormats = List.of("SARIF,json", "junit", "json");

    assertThat(p.build().formats()).containsExactly(OutputFormat.SARIF, OutputFormat.JSON, OutputFormat.JUNIT);
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
    Params configured = new Params();
    configured.configLocation = Optional.of(Path.of("config/lint.yaml"));
    assertThat(configured.build().configFile()).contains(other);
  }

  @Test
  void aConfiguredConfigFileThatDoesNotExistIsAUsageError() {
    Params p = new Params();
    p.configLocation = Optional.of(Path.of("missing.yaml"));

    assertThatThrownBy(() -> p.build().configFile()).isInstanceOf(LintException.class).hasMessage("configLocation missing.yaml is not a file");
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

  @Test
  void theConfigFileIsAppliedAndTheSelectParameterReplacesItsSelect() throws IOException {
    write(".istio-lint.yaml", "select: [YAML001]\nignore: [LINT003]\nistioVersion: \"1.4\"\n");
    Params p = new Params();
    p.select = List.of("YAML002");
    p.ignore = List.of("LINT002");

    LintRequest fromFile = defaults().toRequest(List.of(), List.of());
    LintRequest overridden = p.build().toRequest(List.of(), List.of());

    assertThat(fromFile.select()).containsExactly("YAML001");
    assertThat(fromFile.ignore()).containsExactly("LINT003");
    assertThat(fromFile.istioVersion()).contains(new IstioVersion(1, 4));
    assertThat(overridden.select()).containsExactly("YAML002");
    assertThat(overridden.ignore()).containsExactlyInAnyOrder("LINT003", "LINT002");
  }

  @Test
  void theNearestConfigFileUpToTheReactorRootIsUsed() throws IOException {
    Files.createDirectories(base.resolve("project/backend"));
    Params module = new Params();
    module.root = base.resolve("project");
    module.module = "project/backend";
    write(".istio-lint.yaml", "ignore: [LINT002]\n");
    assertThat(module.build().configFile()).isEmpty();

    Path shared = write("project/.istio-lint.yaml", "ignore: [LINT003]\n");
    assertThat(module.build().configFile()).contains(shared);
    assertThat(module.build().toRequest(List.of(), List.of()).ignore()).containsExactly("LINT003");

    Path own = write("project/backend/.istio-lint.yaml", "ignore: []\n");
    assertThat(module.build().configFile()).contains(own);
  }

  @Test
  void anInvalidConfigFileIsAUsageErrorNamingTheLine() throws IOException {
    write(".istio-lint.yaml", "# typo\nignores: [LINT003]\n");

    assertThatThrownBy(() -> defaults().toRequest(List.of(), List.of()))
        .isInstanceOf(LintException.class)
        .hasMessageStartingWith(".istio-lint.yaml:2:1: invalid configuration: unknown key \"ignores\"");
  }
}
