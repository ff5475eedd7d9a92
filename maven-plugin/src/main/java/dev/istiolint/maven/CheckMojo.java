package dev.istiolint.maven;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.BuiltInRules;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's Kubernetes and Istio manifests with istio-lint and fails the build when findings reach the
 * configured severity. Each finding is logged as {@code path:[line,col] [ID] message} at the level of its severity.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /** Skips the check. */
  @Parameter(property = "istio-lint.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Folders to scan for manifests. By default the existing ones of {@code src/main/k8s}, {@code src/main/istio},
   * {@code k8s}, {@code deploy}, {@code manifests} and {@code istio} under the project base directory.
   */
  @Parameter(property = "istio-lint.sourceDirectories")
  private List<File> sourceDirectories;

  /** Files to read, as Ant-style patterns relative to a source directory. Default: {@code **}/*.yaml, *.yml, *.json. */
  @Parameter(property = "istio-lint.includes")
  private List<String> includes;

  /** Files to leave out. Default: anything under {@code .github}, {@code target} or {@code node_modules}. */
  @Parameter(property = "istio-lint.excludes")
  private List<String> excludes;

  /** The Istio version whose semantics apply, for example {@code 1.24}; by default chosen from the manifests. */
  @Parameter(property = "istio-lint.istioVersion")
  private String istioVersion;

  /** A MeshConfig YAML file whose settings override those found in the manifests. */
  @Parameter(property = "istio-lint.meshConfig")
  private File meshConfig;

  /**
   * The istio-lint configuration file, as read by the CLI. Default: the nearest {@code .istio-lint.yaml} in the project
   * base directory or a parent, up to the top-level project of the build.
   */
  @Parameter(property = "istio-lint.configLocation")
  private File configLocation;

  /** Rule ids to run; all rules run when empty. */
  @Parameter(property = "istio-lint.select")
  private List<String> select;

  /** Rule ids not to run. */
  @Parameter(property = "istio-lint.ignore")
  private List<String> ignore;

  /** The least severe finding that counts as a violation: {@code error}, {@code warning} or {@code info}. */
  @Parameter(property = "istio-lint.failOnSeverity", defaultValue = "error")
  private String failOnSeverity;

  /** Whether violations fail the build; when false they are only logged and reported. */
  @Parameter(property = "istio-lint.failOnViolation", defaultValue = "true")
  private boolean failOnViolation;

  /** How many violations the build tolerates before it fails. */
  @Parameter(property = "istio-lint.maxAllowedViolations", defaultValue = "0")
  private int maxAllowedViolations;

  /** Reports to write to {@code outputDirectory}, any of {@code json}, {@code sarif}, {@code junit}. */
  /**
   * How many threads load the files and run the rules: 0 (automatic) uses one per available processor when the input
   * is large enough to gain from it; 1 keeps the check on Maven's thread.
   */
  @Parameter(property = "istio-lint.threads", defaultValue = "0")
  private int threads;

  @Parameter(property = "istio-lint.outputFormats", defaultValue = "json")
  private List<String> outputFormats;

  /** Where reports are written, also when the build fails. */
  @Parameter(property = "istio-lint.outputDirectory", defaultValue = "${project.build.directory}/istio-lint")
  private File outputDirectory;

  /** Whether each finding is logged to the console. */
  @Parameter(property = "istio-lint.consoleOutput", defaultValue = "true")
  private boolean consoleOutput;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDirectory;

  @Parameter(defaultValue = "${session.topLevelProject.basedir}", readonly = true, required = true)
  private File rootDirectory;

  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  private String pluginVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("istio-lint: skipped");
      return;
    }
    CheckParameters params = parameters();
    LintResult result;
    try {
      params.validate();
      params.missingDirectories().forEach(d -> getLog().warn("istio-lint: no such folder " + params.shown(d)));
      List<Path> manifests = params.manifests();
      if (manifests.isEmpty()) {
        getLog().info("istio-lint: no manifests found in " + params.searched() + "; nothing to check");
        return;
      }
      List<LintRule> rules = BuiltInRules.all();
      result = Linter.lint(params.toRequest(manifests, rules));
      Reports.write(result, params.formats(), outputDirectory.toPath(), pluginVersion, rules);
    } catch (LintException e) {
      throw new MojoExecutionException("istio-lint: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "istio-lint failed with an internal error (" + e.getClass().getSimpleName() + "); please report it, with the"
              + " stack trace Maven shows when rerun with -e",
          e);
    }
    if (consoleOutput) {
      result.findings().forEach(this::log);
    }
    getLog().info(CheckParameters.summary(result));
    if (result.incomplete()) {
      throw new MojoExecutionException(
          "istio-lint could not complete the analysis: an input was unreadable or a rule failed (see the log above)");
    }
    Optional<String> failure = params.failure(result);
    if (failure.isPresent()) {
      throw new MojoFailureException(failure.get());
    }
  }

  private CheckParameters parameters() {
    return new CheckParameters(
        baseDirectory.toPath(),
        rootDirectory.toPath(),
        orEmpty(sourceDirectories).stream().map(File::toPath).toList(),
        orEmpty(includes),
        orEmpty(excludes),
        Optional.ofNullable(istioVersion).filter(v -> !v.isBlank()),
        Optional.ofNullable(meshConfig).map(File::toPath),
        Optional.ofNullable(configLocation).map(File::toPath),
        orEmpty(select),
        orEmpty(ignore),
        failOnSeverity,
        failOnViolation,
        maxAllowedViolations,
        threads,
        orEmpty(outputFormats));
  }

  private void log(Diagnostic d) {
    String line = CheckParameters.line(d);
    switch (d.severity()) {
      case ERROR -> getLog().error(line);
      case WARNING -> getLog().warn(line);
      case INFO -> getLog().info(line);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
