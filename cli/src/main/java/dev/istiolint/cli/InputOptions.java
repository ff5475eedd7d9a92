package dev.istiolint.cli;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.config.IstioLintConfig;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.rules.BuiltInRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to read and under which assumptions; shared by every command that analyses manifests. */
final class InputOptions {

  @Parameters(paramLabel = "PATHS", description = "Files and folders to check (folders recursively); - for stdin.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--stdin-filename", paramLabel = "NAME", description = "Name used in positions for stdin (default: <stdin>).")
  String stdinFilename = "<stdin>";

  @Option(names = "--include", paramLabel = "GLOB", description = "Read only files matching a glob (repeatable).")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files matching a glob (repeatable).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--context", paramLabel = "DIR", description = "Also load DIR for cross-resource analysis, but report only on PATHS.")
  List<Path> context = new ArrayList<>();

  @Option(names = "--istio-version", paramLabel = "VERSION", description = "Istio semantics to apply, e.g. 1.0 or 1.24 (default: from the input, else newest).")
  String istioVersion;

  @Option(names = "--mesh-config", paramLabel = "FILE", description = "MeshConfig YAML that overrides the mesh settings in the input.")
  Path meshConfig;

  @Option(names = "--threads", paramLabel = "N", description = "Threads that load files and run rules (default: 0, one per processor on large inputs).")
  int threads;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: nearest .istio-lint.yaml upward from here).")
  Path config;

  /** Every rule the CLI knows: core findings, built-in and third-party rules. */
  static List<RuleMeta> catalogue() {
    List<RuleMeta> all = new ArrayList<>(CoreRules.all());
    BuiltInRules.all().forEach(r -> all.add(r.meta()));
    return all;
  }

  /** A request for these inputs with every built-in rule and the configuration applied; the caller adds its own options. */
  LintRequest.Builder toRequest(InputStream stdin) {
    return request(stdin, true);
  }

  /**
   * A request that only reads these inputs into a mesh: no rule runs, and of the configuration only what decides the
   * mesh applies (the Istio version, the mesh configuration, excluded files). For commands that report on the mesh
   * themselves, such as {@code tls}.
   */
  LintRequest.Builder toMeshRequest(InputStream stdin) {
    return request(stdin, false);
  }

  private LintRequest.Builder request(InputStream stdin, boolean withRules) {
    if (paths.isEmpty()) {
      throw new LintException(LintException.Kind.USAGE, "no PATHS given: name files or folders, or - for stdin");
    }
    Set<String> known = new HashSet<>();
    catalogue().forEach(r -> known.add(r.id()));
    LintRequest.Builder b = LintRequest.builder();
    if (withRules) {
      b.rules(BuiltInRules.all());
    }
    Optional<Path> cfg = config != null ? Optional.of(config) : IstioLintConfig.find(Path.of(""));
    if (config != null && !config.toFile().isFile()) {
      throw new LintException(LintException.Kind.USAGE, "configuration file not found: " + config);
    }
    cfg.map(f -> IstioLintConfig.load(f, display(f), known))
        .ifPresent(c -> {
          if (withRules) {
            c.applyTo(b);
          } else {
            c.applyInputsTo(b);
          }
        });
    boolean stdinSeen = false;
    for (String p : paths) {
      if (p.equals("-")) {
        if (!stdinSeen) {
          b.source(readStdin(stdin));
        }
        stdinSeen = true;
      } else {
        b.path(Path.of(p));
      }
    }
    include.forEach(b::include);
    exclude.forEach(b::exclude);
    context.forEach(b::contextPath);
    if (istioVersion != null) {
      b.istioVersion(
          IstioVersion.parse(istioVersion)
              .orElseThrow(
                  () -> new LintException(LintException.Kind.USAGE, "--istio-version " + istioVersion + " is not a version like 1.24")));
    }
    if (meshConfig != null) {
      b.meshConfig(meshConfig);
    }
    if (threads < 0) {
      throw new LintException(LintException.Kind.USAGE, "--threads " + threads + " is negative; give 1 or more");
    }
    return b.threads(threads);
  }

  private static String display(Path f) {
    Path abs = f.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
  }

  /** Never more than the size cap plus one byte, so an endless stdin costs bounded time and memory. */
  private SourceInput readStdin(InputStream in) {
    try {
      return SourceInput.read(stdinFilename, in, LintRequest.DEFAULT_MAX_FILE_BYTES);
    } catch (IOException e) {
      throw new LintException(LintException.Kind.IO, "cannot read standard input", e);
    }
  }
}
