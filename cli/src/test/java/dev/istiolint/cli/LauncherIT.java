package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code istio-lint} launcher at the top of the repository, run as users run it, once this module's jar is
 * packaged (the {@code integration-test} phase). Its class-data archive must hold the analysis, whatever command
 * comes first after a build: an archive dumped by {@code --help} held a tenth of the classes and made every later
 * start slower.
 */
class LauncherIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path TARGET = ROOT.resolve("cli/target");
  private static final Path JAR = TARGET.resolve("istio-lint.jar");

  @Test
  void archiveHoldsTheAnalysisEvenWhenHelpRunsFirst(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isRegularFile(JAR) && !sourcesNewerThanJar(), "no up-to-date jar: the launcher would build one");
    assumeTrue(Runtime.version().feature() >= 13, "archives of application classes need JDK 13 or later");
    for (Path a : archives()) {
      Files.delete(a);
    }

    Cli.Exec help = exec(Map.of(), "./istio-lint", "--help");
    assertThat(help.code()).as(help.output()).isZero();
    assertThat(archives()).as("one archive for this JDK, no temporary file left").hasSize(1);
    assertThat(archives().get(0).getFileName().toString()).endsWith(".jsa");

    Path log = tmp.resolve("classes.log");
    Cli.Exec check =
        exec(Map.of("ISTIO_LINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
            "./istio-lint", "check", "testdata/examples/seed-story-1.0");
    assertThat(check.code()).as(check.output()).isEqualTo(1);
    assertThat(check.output()).contains("httpbin-circuit-breaker.yaml:12:5: error: [TLS001]");
    List<String> ours;
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      ours = lines.filter(l -> l.contains(" dev.istiolint.")).toList();
    }
    assertThat(ours)
        .anyMatch(l -> l.contains(" dev.istiolint.core.engine.tls.TlsResolver source: shared objects file"))
        .anyMatch(l -> l.contains(" dev.istiolint.core.internal.yaml.YamlLoader source: shared objects file"));
    long fromJar = ours.stream().filter(l -> l.contains("istio-lint.jar")).count();
    assertThat(fromJar).as("istio-lint classes loaded from the jar, of %d", ours.size()).isLessThan(ours.size() / 10);
  }

  /** Whether the launcher would rebuild the jar first (a POM or main source newer than it), as its own check. */
  private static boolean sourcesNewerThanJar() throws IOException {
    FileTime jar = Files.getLastModifiedTime(JAR);
    List<Path> roots = new ArrayList<>();
    for (String m : List.of("", "core", "rules", "cli")) {
      roots.add(ROOT.resolve(m).resolve("pom.xml"));
      if (!m.isEmpty()) {
        roots.add(ROOT.resolve(m).resolve("src/main"));
      }
    }
    for (Path r : roots) {
      try (Stream<Path> files = Files.walk(r)) {
        if (files.anyMatch(f -> newer(f, jar))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean newer(Path f, FileTime than) {
    try {
      return Files.getLastModifiedTime(f).compareTo(than) > 0;
    } catch (IOException e) {
      return true;
    }
  }

  private static List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(TARGET)) {
      return files.filter(f -> f.getFileName().toString().startsWith("istio-lint-")
          && f.getFileName().toString().contains(".jsa")).sorted().toList();
    }
  }

  /** Runs the launcher's {@code command} from the repository root, without the variables that would bypass it. */
  private static Cli.Exec exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
    return Cli.exec(ROOT, env, List.of("ISTIO_LINT_CLASSPATH", "ISTIO_LINT_CDS"), command);
  }

}
