package dev.istiolint.core;

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
    long maxFileBytes) {

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

    private Builder() {}

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
          maxFileBytes);
    }
  }
}
