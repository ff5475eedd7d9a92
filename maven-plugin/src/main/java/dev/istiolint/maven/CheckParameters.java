package dev.istiolint.maven;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Summary;
import dev.istiolint.core.config.IstioLintConfig;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.report.TextReporter;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.LintRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code check} goal's parameters as configured, and their mapping to a {@link LintRequest}. Everything here is
 * free of Maven types so it can be unit-tested; {@link CheckMojo} only collects the values and handles the result.
 *
 * @param baseDirectory the project base directory; every path shown is relative to it
 * @param rootDirectory the top-level project's base directory: how far up a configuration file is looked for
 * @param sourceDirectories configured folders to scan; empty for {@link #DEFAULT_SOURCE_DIRECTORIES}
 * @param includes Ant-style patterns of files to read, relative to a source directory; empty for the defaults
 * @param excludes Ant-style patterns of files to leave out; empty for the defaults
 * @param istioVersion the Istio version whose semantics apply, for example {@code 1.24}
 * @param meshConfig a MeshConfig YAML file
 * @param configLocation the {@code .istio-lint.yaml} to read; empty for the nearest one in the base directory or a
 *     parent, up to the root directory
 * @param select rule ids to run (all when empty); when given, they replace the configuration file's; entries may be
 *     comma-separated
 * @param ignore rule ids not to run; entries may be comma-separated
 * @param failOnSeverity {@code error}, {@code warning} or {@code info}: the least severe finding that counts
 * @param failOnViolation whether counted findings fail the build
 * @param maxAllowedViolations how many counted findings the build tolerates
 * @param threads how many threads load the files and run the rules: 0 (automatic) for one per processor on large
 *     inputs, else exactly this many
 * @param outputFormats report formats to write: {@code json}, {@code sarif}, {@code junit}
 */
record CheckParameters(
    Path baseDirectory,
    Path rootDirectory,
    List<Path> sourceDirectories,
    List<String> includes,
    List<String> excludes,
    Optional<String> istioVersion,
    Optional<Path> meshConfig,
    Optional<Path> configLocation,
    List<String> select,
    List<String> ignore,
    String failOnSeverity,
    boolean failOnViolation,
    int maxAllowedViolations,
    int threads,
    List<String> outputFormats) {

  /** Folders, relative to the base directory, scanned when none are configured; only existing ones are used. */
  static final List<String> DEFAULT_SOURCE_DIRECTORIES =
      List.of("src/main/k8s", "src/main/istio", "k8s", "deploy", "manifests", "istio");

  static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml", "**/*.json");

  static final List<String> DEFAULT_EXCLUDES = List.of("**/.github/**", "**/target/**", "**/node_modules/**");

  /** Longest message logged, in code points. */
  private static final int MAX_MESSAGE = 1000;

  /** The configuration file read from the base directory when {@code configLocation} is not set. */
  static final String DEFAULT_CONFIG_FILE = IstioLintConfig.FILE_NAME;

  /** A report format and the file it is written to under the output directory. */
  enum OutputFormat {
    JSON("istio-lint.json"),
    SARIF("istio-lint.sarif"),
    JUNIT("istio-lint-junit.xml");

    private final String fileName;

    OutputFormat(String fileName) {
      this.fileName = fileName;
    }

    String fileName() {
      return fileName;
    }
  }

  CheckParameters {
    Path base = baseDirectory.toAbsolutePath().normalize();
    baseDirectory = base;
    rootDirectory = rootDirectory.toAbsolutePath().normalize();
    sourceDirectories = sourceDirectories.stream().map(d -> base.resolve(d).normalize()).toList();
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    Objects.requireNonNull(istioVersion, "istioVersion");
    meshConfig = meshConfig.map(base::resolve);
    configLocation = configLocation.map(base::resolve);
    select = ids(select);
    ignore = ids(ignore);
    Objects.requireNonNull(failOnSeverity, "failOnSeverity");
    outputFormats = splitAll(outputFormats).stream().map(f -> f.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  /** The folders to scan: the configured ones that exist, else the existing default folders. */
  List<Path> directories() {
    List<Path> candidates =
        sourceDirectories.isEmpty()
            ? DEFAULT_SOURCE_DIRECTORIES.stream().map(baseDirectory::resolve).toList()
            : sourceDirectories;
    return candidates.stream().filter(Files::isDirectory).toList();
  }

  /** Configured source directories that do not exist (the defaults are optional and never reported). */
  List<Path> missingDirectories() {
    return sourceDirectories.stream().filter(d -> !Files.isDirectory(d)).toList();
  }

  /** The manifests to read: files under {@link #directories()} matching the includes and no exclude, sorted. */
  List<Path> manifests() {
    List<Pattern> in = (includes.isEmpty() ? DEFAULT_INCLUDES : includes).stream().map(CheckParameters::glob).toList();
    List<Pattern> out = (excludes.isEmpty() ? DEFAULT_EXCLUDES : excludes).stream().map(CheckParameters::glob).toList();
    List<Path> files = new ArrayList<>();
    for (Path dir : directories()) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .filter(f -> matchesAny(in, dir.relativize(f)) && !matchesAny(out, dir.relativize(f)))
            .sorted()
            .forEach(files::add);
      } catch (IOException | UncheckedIOException e) {
        throw new LintException(LintException.Kind.IO, "cannot list the folder " + shown(dir), e);
      }
    }
    return files.stream().distinct().toList();
  }

  /** The request for {@code files}: fails with a {@link LintException} of kind USAGE on an invalid value. */
  LintRequest toRequest(List<Path> files, List<? extends LintRule> rules) {
    LintRequest.Builder b = LintRequest.builder().baseDirectory(baseDirectory).paths(files).rules(rules);
    configFile().ifPresent(f -> IstioLintConfig.load(f, shown(f), knownRuleIds(rules)).applyTo(b));
    if (!select.isEmpty()) {
      b.clearSelect();
    }
    istioVersion.ifPresent(
        v ->
            b.istioVersion(
                IstioVersion.parse(v)
                    .orElseThrow(() -> usage("istioVersion '" + v + "' is not an Istio version such as 1.24"))));
    meshConfig.ifPresent(b::meshConfig);
    select.forEach(b::select);
    ignore.forEach(b::ignore);
    validate();
    b.threads(threads);
    return b.build();
  }

  /** Checks the values that need no input files; fails with a {@link LintException} of kind USAGE. */
  void validate() {
    threshold();
    formats();
    if (maxAllowedViolations < 0) {
      throw usage("maxAllowedViolations must be 0 or more, not " + maxAllowedViolations);
    }
    if (threads < 0) {
      throw usage("threads must be 0 (automatic) or more, not " + threads);
    }
  }

  /** The ids a configuration file may name: core's findings and the rules that run. */
  private static Set<String> knownRuleIds(List<? extends LintRule> rules) {
    Set<String> ids = new HashSet<>();
    CoreRules.all().forEach(m -> ids.add(m.id()));
    rules.forEach(r -> ids.add(r.meta().id()));
    return ids;
  }

  /**
   * The configuration file to apply: the configured one (which must exist), else the nearest {@value
   * #DEFAULT_CONFIG_FILE} in the base directory or a parent up to the root directory (so a reactor can share one).
   */
  Optional<Path> configFile() {
    if (configLocation.isPresent()) {
      if (!Files.isRegularFile(configLocation.get())) {
        throw usage("configLocation " + shown(configLocation.get()) + " is not a file");
      }
      return configLocation;
    }
    Path stop = baseDirectory.startsWith(rootDirectory) ? rootDirectory : baseDirectory;
    for (Path dir = baseDirectory; dir != null && dir.startsWith(stop); dir = dir.getParent()) {
      Path candidate = dir.resolve(DEFAULT_CONFIG_FILE);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The least severe finding that counts as a violation. */
  Severity threshold() {
    return Severity.parse(failOnSeverity)
        .orElseThrow(() -> usage("failOnSeverity '" + failOnSeverity + "' is not one of error, warning, info"));
  }

  /** The report formats to write, in the order given. */
  List<OutputFormat> formats() {
    List<OutputFormat> formats = new ArrayList<>();
    for (String f : outputFormats) {
      formats.add(
          Arrays.stream(OutputFormat.values())
              .filter(o -> o.name().equalsIgnoreCase(f))
              .findFirst()
              .orElseThrow(() -> usage("outputFormats entry '" + f + "' is not one of json, sarif, junit")));
    }
    return formats;
  }

  /** How many findings are at or above the threshold. */
  long violations(LintResult result) {
    Severity threshold = threshold();
    return result.findings().stream().filter(d -> d.severity().atLeast(threshold)).count();
  }

  /** The reason the build fails, or empty when it passes. */
  Optional<String> failure(LintResult result) {
    long count = violations(result);
    if (!failOnViolation || count <= maxAllowedViolations) {
      return Optional.empty();
    }
    return Optional.of(
        "istio-lint found "
            + plural(count, "violation")
            + " at severity "
            + threshold().label()
            + " or above"
            + (maxAllowedViolations > 0 ? " (at most " + maxAllowedViolations + " allowed)" : "")
            + "; fix them or see the reports for details");
  }

  /** What was searched, for the "no manifests found" line. */
  String searched() {
    if (sourceDirectories.isEmpty()) {
      return "the default folders " + String.join(", ", DEFAULT_SOURCE_DIRECTORIES);
    }
    return String.join(", ", sourceDirectories.stream().map(this::shown).toList());
  }

  /**
   * The log line of a finding: {@code path:[line,col] [ID] message}. Control characters in the message are escaped, so
   * each finding stays on one line.
   */
  static String line(Diagnostic d) {
    return d.span().file()
        + ":["
        + d.span().startLine()
        + ","
        + d.span().startColumn()
        + "] ["
        + d.ruleId()
        + "] "
        + TextReporter.clean(d.message(), MAX_MESSAGE);
  }

  /** The summary line logged after the findings. */
  static String summary(LintResult result) {
    Summary s = result.summary();
    return "istio-lint checked "
        + plural(s.files(), "file")
        + " ("
        + plural(s.resources(), "resource")
        + ") against Istio "
        + result.istioVersion()
        + ", "
        + result.istioVersionReason()
        + ": "
        + plural(s.errors(), "error")
        + ", "
        + plural(s.warnings(), "warning")
        + ", "
        + plural(s.infos(), "info");
  }

  /** A path as shown to users: relative to the base directory when inside it, with {@code /} separators. */
  String shown(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    String s = (abs.startsWith(baseDirectory) ? baseDirectory.relativize(abs) : abs).toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  /** An Ant-style pattern ({@code **}, {@code *}, {@code ?}; a trailing {@code /} means everything below) as regex. */
  static Pattern glob(String pattern) {
    String p = pattern.trim().replace('\\', '/');
    if (p.endsWith("/")) {
      p = p + "**";
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (p.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 2;
      } else if (p.startsWith("**", i)) {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static boolean matchesAny(List<Pattern> patterns, Path relative) {
    String s = relative.toString().replace('\\', '/');
    return patterns.stream().anyMatch(p -> p.matcher(s).matches());
  }

  private static List<String> ids(List<String> values) {
    return splitAll(values).stream().map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList();
  }

  private static List<String> splitAll(List<String> values) {
    return values.stream()
        .filter(Objects::nonNull)
        .flatMap(v -> Arrays.stream(v.split("[,\\s]+")))
        .filter(v -> !v.isEmpty())
        .toList();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static LintException usage(String message) {
    return new LintException(LintException.Kind.USAGE, message);
  }
}
