package dev.istiolint.core.config;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
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
 * The project configuration file {@value #FILE_NAME}, shared by the CLI and the Maven plugin. Every key is optional:
 *
 * <pre>
 * istioVersion: "1.24"
 * meshConfig: mesh.yaml          # relative to this file
 * select: [TLS001]
 * ignore: [LINT002]
 * severity: {LINT003: error}
 * exclude: ["charts/**"]
 * perFileIgnores: {"legacy/**": [TLS001]}
 * </pre>
 *
 * Unknown keys and invalid values are usage errors that name the line.
 */
public record IstioLintConfig(
    Optional<IstioVersion> istioVersion,
    Optional<Path> meshConfig,
    List<String> select,
    List<String> ignore,
    Map<String, Severity> severity,
    List<String> exclude,
    List<PerFileIgnore> perFileIgnores) {

  public static final String FILE_NAME = ".istio-lint.yaml";

  private static final List<String> KEYS =
      List.of("istioVersion", "meshConfig", "select", "ignore", "severity", "exclude", "perFileIgnores");

  public IstioLintConfig {
    Objects.requireNonNull(istioVersion, "istioVersion");
    Objects.requireNonNull(meshConfig, "meshConfig");
    select = List.copyOf(select);
    ignore = List.copyOf(ignore);
    severity = Map.copyOf(severity);
    exclude = List.copyOf(exclude);
    perFileIgnores = List.copyOf(perFileIgnores);
  }

  /** A configuration larger than this is refused before it is read. */
  private static final long MAX_BYTES = 1024 * 1024;

  /** The nearest {@value #FILE_NAME} in {@code start} or one of its parents. */
  public static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads and validates {@code file}; {@code displayPath} names it in messages and {@code knownRuleIds} are the ids
   * that may appear in it.
   */
  public static IstioLintConfig load(Path file, String displayPath, Set<String> knownRuleIds) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new LintException(LintException.Kind.USAGE, "the configuration file " + displayPath + " is larger than 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LintException(LintException.Kind.USAGE, "cannot read the configuration file " + displayPath, e);
    }
    LoadedFile loaded = new YamlLoader().load(displayPath, bytes);
    if (!loaded.problems().isEmpty()) {
      Diagnostic p = loaded.problems().get(0);
      throw new LintException(LintException.Kind.USAGE, p.span() + ": invalid configuration: " + p.message());
    }
    if (loaded.documents().isEmpty()) {
      return new IstioLintConfig(Optional.empty(), Optional.empty(), List.of(), List.of(), Map.of(), List.of(), List.of());
    }
    if (loaded.documents().size() > 1 || !(loaded.documents().get(0).root() instanceof YMap root)) {
      throw usage(loaded.documents().get(0).span(), "the configuration must be one mapping");
    }
    return new Parser(file, knownRuleIds).parse(root);
  }

  /** Adds this configuration to {@code request}; options given later on the builder win. */
  public void applyTo(LintRequest.Builder request) {
    applyInputsTo(request);
    select.forEach(request::select);
    ignore.forEach(request::ignore);
    severity.forEach(request::severity);
    perFileIgnores.forEach(request::perFileIgnore);
  }

  /**
   * Adds only what decides the mesh that is read, for a request that runs no rules (such as the TLS report): the
   * Istio version, the mesh configuration and the excluded files; not which rules run or how findings are reported.
   */
  public void applyInputsTo(LintRequest.Builder request) {
    istioVersion.ifPresent(request::istioVersion);
    meshConfig.ifPresent(request::meshConfig);
    exclude.forEach(request::exclude);
  }

  private static LintException usage(SourceSpan at, String message) {
    return new LintException(LintException.Kind.USAGE, at.start() + ": invalid configuration: " + message);
  }

  private static final class Parser {
    private final Path file;
    private final Set<String> knownRuleIds;

    Parser(Path file, Set<String> knownRuleIds) {
      this.file = file;
      this.knownRuleIds = knownRuleIds;
    }

    IstioLintConfig parse(YMap root) {
      Optional<IstioVersion> version = Optional.empty();
      Optional<Path> mesh = Optional.empty();
      List<String> select = List.of();
      List<String> ignore = List.of();
      Map<String, Severity> severity = new LinkedHashMap<>();
      List<String> exclude = List.of();
      List<PerFileIgnore> perFile = new ArrayList<>();
      for (YMap.Entry e : root.entries()) {
        String key = e.key().value();
        YNode v = e.value();
        switch (key) {
          case "istioVersion" -> {
            String text = scalar(v, key);
            version =
                Optional.of(
                    IstioVersion.parse(text)
                        .orElseThrow(() -> usage(v.span(), "istioVersion \"" + text + "\" is not a version like 1.24")));
          }
          case "meshConfig" -> {
            Path parent = file.toAbsolutePath().getParent();
            mesh = Optional.of(parent == null ? Path.of(scalar(v, key)) : parent.resolve(scalar(v, key)));
          }
          case "select" -> select = ruleIds(v, key);
          case "ignore" -> ignore = ruleIds(v, key);
          case "severity" -> {
            for (YMap.Entry s : map(v, key).entries()) {
              checkId(s.key());
              String level = scalar(s.value(), key);
              severity.put(
                  s.key().value(),
                  Severity.parse(level)
                      .orElseThrow(
                          () ->
                              usage(s.value().span(), "severity \"" + level + "\" is not one of error, warning, info")));
            }
          }
          case "exclude" -> exclude = strings(v, key);
          case "perFileIgnores" -> {
            for (YMap.Entry s : map(v, key).entries()) {
              perFile.add(new PerFileIgnore(new Glob(s.key().value()), new LinkedHashSet<>(ruleIds(s.value(), key))));
            }
          }
          default -> throw usage(e.key().span(), "unknown key \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
        }
      }
      return new IstioLintConfig(version, mesh, select, ignore, severity, exclude, perFile);
    }

    private List<String> ruleIds(YNode v, String key) {
      List<String> out = new ArrayList<>();
      if (v instanceof YScalar s && !s.isNull()) {
        for (String part : s.value().split(",")) {
          checkId(new YScalar(part.trim(), true, Optional.empty(), s.span()));
          out.add(part.trim());
        }
        return out;
      }
      for (YNode item : seq(v, key).items()) {
        if (!(item instanceof YScalar s)) {
          throw usage(item.span(), key + " lists rule ids");
        }
        checkId(s);
        out.add(s.value());
      }
      return out;
    }

    private void checkId(YScalar id) {
      if (!knownRuleIds.contains(id.value())) {
        throw usage(id.span(), "unknown rule id \"" + id.value() + "\"");
      }
    }

    private static List<String> strings(YNode v, String key) {
      List<String> out = new ArrayList<>();
      for (YNode item : seq(v, key).items()) {
        out.add(scalar(item, key));
      }
      return out;
    }

    private static String scalar(YNode v, String key) {
      if (v instanceof YScalar s && !s.isNull() && !s.value().isBlank()) {
        return s.value();
      }
      throw usage(v.span(), key + " needs a non-empty text value");
    }

    private static YSeq seq(YNode v, String key) {
      if (v instanceof YSeq s) {
        return s;
      }
      throw usage(v.span(), key + " needs a list");
    }

    private static YMap map(YNode v, String key) {
      if (v instanceof YMap m) {
        return m;
      }
      throw usage(v.span(), key + " needs a mapping");
    }
  }
}
