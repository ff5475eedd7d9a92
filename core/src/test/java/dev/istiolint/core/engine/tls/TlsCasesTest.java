package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.model.IstioVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code testdata/tls/} (tls-semantics §8) through the pipeline and compares the computed routes
 * with the case's {@code routes.expect} (format: testdata/EXPECTATIONS.md, "TLS route expectations").
 */
class TlsCasesTest {

  static Path casesDir() {
    String prop = System.getProperty("istiolint.testdata");
    Path base = prop != null ? Path.of(prop) : Path.of("../testdata");
    if (!Files.isDirectory(base)) {
      base = Path.of("testdata");
    }
    Path dir = base.resolve("tls");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("testdata/tls not found (looked in " + dir.toAbsolutePath() + ")");
    }
    return dir;
  }

  @TestFactory
  Stream<DynamicTest> everyCaseComputesTheExpectedRoutes() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(casesDir())) {
      cases = s.filter(Files::isDirectory).sorted(TlsCasesTest::byCaseId).toList();
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
  }

  private static int byCaseId(Path a, Path b) {
    String x = a.getFileName().toString();
    String y = b.getFileName().toString();
    int c = Character.compare(x.charAt(0), y.charAt(0));
    return c != 0 ? c : Integer.compare(Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1)));
  }

  /** One expected route and the explanation substrings it must contain. */
  record Expected(String client, String host, int port, String subset, String clientTls, String serverMtls,
      String verdict, List<String> explain) {
    String key() {
      return client + " " + host + " " + port + " " + subset;
    }
  }

  /** A parsed routes.expect. */
  record Expectation(Optional<IstioVersion> version, List<Expected> routes) {}

  static Expectation parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<IstioVersion> version = Optional.empty();
    List<Expected> routes = new ArrayList<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("istio-version:")) {
        String v = line.substring("istio-version:".length()).strip();
        version = Optional.of(IstioVersion.parse(v).orElseThrow(() -> new AssertionError("bad version " + v)));
        continue;
      }
      if (line.startsWith("explain:")) {
        if (routes.isEmpty()) {
          throw new AssertionError(file + ":" + n + ": explain: before any route");
        }
        routes.get(routes.size() - 1).explain().add(line.substring("explain:".length()).strip());
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != 7) {
        throw new AssertionError(file + ":" + n + ": a route needs 7 columns: " + line);
      }
      routes.add(new Expected(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5], f[6], new ArrayList<>()));
    }
    return new Expectation(version, routes);
  }

  static TlsMatrix matrix(Path dir, Optional<IstioVersion> version) {
    LintRequest.Builder b = LintRequest.builder().baseDirectory(dir).path(dir);
    version.ifPresent(b::istioVersion);
    LintResult result = Linter.lint(b.build());
    return TlsResolver.resolve(result.snapshot(), result.istioVersion());
  }

  private static void runCase(Path dir) throws IOException {
    Path gap = dir.resolve("KNOWN-GAP");
    if (Files.exists(gap)) {
      String reason = Files.readAllLines(gap, StandardCharsets.UTF_8).stream().findFirst().orElse("known gap");
      assumeTrue(false, "KNOWN-GAP: " + reason);
    }
    Expectation exp = parse(dir.resolve("routes.expect"));
    TlsMatrix m = matrix(dir, exp.version());
    Set<String> pairs = new HashSet<>();
    exp.routes().forEach(e -> pairs.add(e.client() + " " + e.host()));
    List<String> actual = new ArrayList<>();
    for (Route r : m.routes()) {
      if (pairs.contains(r.clientNamespace() + " " + r.host())) {
        actual.add(line(r));
      }
    }
    List<String> expected = exp.routes().stream().map(e -> e.key() + " " + e.clientTls() + " " + e.serverMtls() + " "
        + e.verdict()).toList();
    StringBuilder detail = new StringBuilder();
    for (Route r : m.routes()) {
      if (pairs.contains(r.clientNamespace() + " " + r.host())) {
        detail.append('\n').append(line(r));
        r.explanation().forEach(x -> detail.append("\n    ").append(x));
      }
    }
    assertThat(actual).as("routes of %s%s", dir.getFileName(), detail).containsExactlyInAnyOrderElementsOf(expected);
    for (Expected e : exp.routes()) {
      Route r = m.routes().stream().filter(x -> (x.clientNamespace() + " " + x.host() + " " + x.port() + " "
          + x.subset().orElse("-")).equals(e.key())).findFirst().orElseThrow();
      for (String s : e.explain()) {
        assertThat(String.join("\n", r.explanation())).as("explanation of %s", e.key()).contains(s);
      }
    }
  }

  static String line(Route r) {
    return r.clientNamespace() + " " + r.host() + " " + r.port() + " " + r.subset().orElse("-") + " " + r.clientTls()
        + " " + r.serverMtls() + " " + r.verdict();
  }
}
