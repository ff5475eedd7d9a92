package dev.istiolint.core;

import dev.istiolint.core.config.Baseline;
import dev.istiolint.core.config.PerFileIgnore;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.LintRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to analyse and how. Build one with {@link #builder()}.
 *
 * @param paths files and folders to read (folders recursively)
 * @param sources in-memory manifests, for example stdin
 * @param baseDirectory the directory display paths are relative to
 * @param rules the rules to run (core does not know the built-in ones; see {@code BuiltInRules})
 * @param select if not empty, only these rule ids run
 * @param ignore these rule ids do not run
 * @param severityOverrides severity per rule id
 * @param istioVersion the Istio version whose semantics apply; empty to choose from the input
 * @param meshConfig a MeshConfig YAML file that overrides the mesh settings found in the input
 * @param defaultNamespace the namespace of namespaced resources that state none
 * @param maxFileBytes the largest file read; larger files get a finding and are skipped
 * @param contextPaths files and folders loaded for cross-resource analysis but not reported on
 * @param include if not empty, only files whose display path matches one of these globs are read
 * @param exclude files whose display path matches one of these globs are not read
 * @param perFileIgnores rule ids ignored in the files matching a glob (configuration entries)
 * @param baseline findings accepted earlier; matching findings are not reported
 * @param threads how many threads load files and run rules: 0 (automatic) for one per available processor on inputs
 *     large enough to gain from it, 1 for the calling thread only
 */
public record LintRequest(
    List<Path> paths,
    List<SourceInput> sources,
    Path baseDirectory,
    List<LintRule> rules,
    Set<String> select,
    Set<String> ignore,
    Map<String, Severity> severityOverrides,
    Optional<IstioVersion> istioVersion,
    Optional<Path> meshConfig,
    String defaultNamespace,
    long maxFileBytes,
    List<Path> contextPaths,
    List<String> include,
    List<String> exclude,
    List<PerFileIgnore> perFileIgnores,
    Optional<Baseline> baseline,
    int threads) {

  /** 8 MiB: room for the largest real EnvoyFilters, far below what would slow a run down. */
  public static final long DEFAULT_MAX_FILE_BYTES = 8L * 1024 * 1024;

  public LintRequest {
    paths = List.copyOf(paths);
    sources = List.copyOf(sources);
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    rules = List.copyOf(rules);
    select = Set.copyOf(select);
    ignore = Set.copyOf(ignore);
    severityOverrides = Map.copyOf(severityOverrides);
    Objects.requireNonNull(istioVersion, "istioVersion");
    Objects.requireNonNull(meshConfig, "meshConfig");
    Objects.requireNonNull(defaultNamespace, "defaultNamespace");
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
    contextPaths = List.copyOf(contextPaths);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    perFileIgnores = List.copyOf(perFileIgnores);
    Objects.requireNonNull(baseline, "baseline");
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (automatic) or positive");
    }
  }

  /** A request that loads files on one thread per available processor. */
  public LintRequest(
      List<Path> paths,
      List<SourceInput> sources,
      Path baseDirectory,
      List<LintRule> rules,
      Set<String> select,
      Set<String> ignore,
      Map<String, Severity> severityOverrides,
      Optional<IstioVersion> istioVersion,
      Optional<Path> meshConfig,
      String defaultNamespace,
      long maxFileBytes,
      List<Path> contextPaths,
      List<String> include,
      List<String> exclude,
      List<PerFileIgnore> perFileIgnores,
      Optional<Baseline> baseline) {
    this(
        paths,
        sources,
        baseDirectory,
        rules,
        select,
        ignore,
        severityOverrides,
        istioVersion,
        meshConfig,
        defaultNamespace,
        maxFileBytes,
        contextPaths,
        include,
        exclude,
        perFileIgnores,
        baseline,
        0);
  }

  /** A request without context paths, globs, per-file ignores or baseline (the original form, kept for callers). */
  public LintRequest(
      List<Path> paths,
      List<SourceInput> sources,
      Path baseDirectory,
      List<LintRule> rules,
      Set<String> select,
      Set<String> ignore,
      Map<String, Severity> severityOverrides,
      Optional<IstioVersion> istioVersion,
      Optional<Path> meshConfig,
      String defaultNamespace,
      long maxFileBytes) {
    this(
        paths,
        sources,
        baseDirectory,
        rules,
        select,
        ignore,
        severityOverrides,
        istioVersion,
        meshConfig,
        defaultNamespace,
        maxFileBytes,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        0);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LintRequest}; every setting has a default. */
  public static final class Builder {
    private final List<Path> paths = new ArrayList<>();
    private final List<SourceInput> sources = new ArrayList<>();
    private Path baseDirectory = Path.of("").toAbsolutePath();
    private final List<LintRule> rules = new ArrayList<>();
    private final Set<String> select = new LinkedHashSet<>();
    private final Set<String> ignore = new LinkedHashSet<>();
    private final Map<String, Severity> severityOverrides = new LinkedHashMap<>();
    private IstioVersion istioVersion;
    private Path meshConfig;
    private String defaultNamespace = "default";
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private int threads;
    private final List<Path> contextPaths = new ArrayList<>();
    private final List<String> include = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private final List<PerFileIgnore> perFileIgnores = new ArrayList<>();
    private Baseline baseline;

    private Builder() {}

    /** Loads {@code path} for cross-resource analysis without reporting on it. */
    public Builder contextPath(Path path) {
      contextPaths.add(Objects.requireNonNull(path, "path"));
      return this;
    }

    public Builder include(String glob) {
      include.add(Objects.requireNonNull(glob, "glob"));
      return this;
    }

    public Builder exclude(String glob) {
      exclude.add(Objects.requireNonNull(glob, "glob"));
      return this;
    }

    public Builder perFileIgnore(PerFileIgnore entry) {
      perFileIgnores.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    public Builder baseline(Baseline accepted) {
      baseline = Objects.requireNonNull(accepted, "accepted");
      return this;
    }

    /** Forgets the rule ids selected so far (a command-line {@code --select} replaces the configuration's). */
    public Builder clearSelect() {
      select.clear();
      return this;
    }

    public Builder path(Path path) {
      paths.add(Objects.requireNonNull(path, "path"));
      return this;
    }

    public Builder paths(List<Path> more) {
      more.forEach(this::path);
      return this;
    }

    public Builder source(SourceInput source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    public Builder baseDirectory(Path dir) {
      baseDirectory = Objects.requireNonNull(dir, "dir").toAbsolutePath();
      return this;
    }

    public Builder rule(LintRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    public Builder rules(List<? extends LintRule> more) {
      more.forEach(this::rule);
      return this;
    }

    public Builder select(String ruleId) {
      select.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    public Builder ignore(String ruleId) {
      ignore.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    public Builder severity(String ruleId, Severity severity) {
      severityOverrides.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(severity, "severity"));
      return this;
    }

    public Builder istioVersion(IstioVersion version) {
      istioVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    public Builder meshConfig(Path file) {
      meshConfig = Objects.requireNonNull(file, "file");
      return this;
    }

    public Builder defaultNamespace(String namespace) {
      defaultNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    public Builder maxFileBytes(long bytes) {
      maxFileBytes = bytes;
      return this;
    }

    /**
     * How many threads load files and run rules: 0 (the default) for one per available processor on large inputs,
     * 1 for the calling thread only.
     */
    public Builder threads(int count) {
      threads = count;
      return this;
    }

    public LintRequest build() {
      return new LintRequest(
          paths,
          sources,
          baseDirectory,
          rules,
          select,
          ignore,
          severityOverrides,
          Optional.ofNullable(istioVersion),
          Optional.ofNullable(meshConfig),
          defaultNamespace,
          maxFileBytes,
          contextPaths,
          include,
          exclude,
          perFileIgnores,
          Optional.ofNullable(baseline),
          threads);
    }
  }
}
