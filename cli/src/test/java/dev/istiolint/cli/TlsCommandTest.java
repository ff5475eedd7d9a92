package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TlsCommandTest {

  private static String example(String name) {
    return Cli.testdata() + "/examples/" + name;
  }

  @Test
  void seedStoryShowsTheConflictWithWhatDecidedEachSideAndTheFix() {
    Cli.Run run = Cli.run("tls", example("seed-story-1.0"));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("foo → httpbin.foo.svc.cluster.local:8000 DISABLE → STRICT CONFLICT")
        .contains("client sends DISABLE, decided by DestinationRule foo/httpbin (")
        .contains("it replaced the broader DestinationRule istio-system/default (")
        .contains("server accepts STRICT, enforced by MeshPolicy default (")
        .contains("503 upstream connect error or disconnect/reset before headers")
        .contains("fix: add tls: {mode: ISTIO_MUTUAL} to trafficPolicy of foo/httpbin")
        .contains("Istio 1.0 (profile 1.0; implied by MeshPolicy default");
  }

  @Test
  void fixedSeedStoryHasNoConflictAndExitsZero() {
    Cli.Run run = Cli.run("tls", example("seed-story-1.0-fixed"));
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("foo → httpbin.foo.svc.cluster.local:8000 ISTIO_MUTUAL → STRICT OK");
  }

  @Test
  void checkReportsTheSeedStoryConflictOnTheCircuitBreakerWithTheFix() {
    Cli.Run run = Cli.run("check", example("seed-story-1.0"));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("seed-story-1.0/httpbin-circuit-breaker.yaml:12:5: error: [TLS001]")
        .contains("fix: add tls: {mode: ISTIO_MUTUAL} to trafficPolicy of foo/httpbin");
  }

  @Test
  void fixedSeedStoryIsClean() {
    Cli.Run run = Cli.run("check", example("seed-story-1.0-fixed"));
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("No problems found");
  }

  @Test
  void modernSeedStoryIsOkButWarnsAboutTheOverride() {
    Cli.Run tls = Cli.run("tls", example("seed-story-modern"));
    assertThat(tls.code()).isZero();
    assertThat(tls.out()).contains("foo → httpbin.foo.svc.cluster.local:8000 ISTIO_MUTUAL → STRICT OK");
    Cli.Run check = Cli.run("check", example("seed-story-modern"));
    assertThat(check.code()).isZero();
    assertThat(check.out()).contains("warning: [TLS003]").doesNotContain("error:");
  }

  @Test
  void jsonFollowsTheContractAndFiltersByClientAndHost() {
    Cli.Run run = Cli.run("tls", "--format", "json", "--from", "foo", "--host", "httpbin.foo", example("seed-story-1.0"));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("{\n  \"istioVersion\": \"1.0\",")
        .contains("\"autoMtls\": false")
        .contains("\"rootNamespace\": \"istio-system\"")
        .contains("\"clientNamespace\": \"foo\"")
        .contains("\"host\": \"httpbin.foo.svc.cluster.local\"")
        .contains("\"port\": 8000")
        .contains("\"subset\": null")
        .contains("\"clientTls\": \"DISABLE\"")
        .contains("\"serverMtls\": \"STRICT\"")
        .contains("\"verdict\": \"CONFLICT\"")
        .contains("\"kind\": \"MeshPolicy\"")
        .contains("\"explanation\": [")
        .doesNotContain("sleep.foo");
  }

  @Test
  void istioVersionOptionSelectsTheProfile() {
    Cli.Run run = Cli.run("tls", "--istio-version", "1.24", example("seed-story-modern"));
    assertThat(run.out()).startsWith("Istio 1.24 (profile 1.24+; given)");
  }

  /**
   * The report runs no rule, yet a configuration file that selects, ignores and re-grades rules is still accepted, and
   * what decides the mesh (here the Istio version) still applies.
   */
  @Test
  void configurationFileAppliesItsIstioVersionAndItsRuleSettingsAreAccepted() {
    Cli.Run run = Cli.run("tls", "--config", "testdata/cli/config/full.yaml", example("seed-story-modern"));
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Istio 1.0 (profile 1.0; given)");
  }

  @Test
  void meshConfigTurningAutoMtlsOffBreaksTheModernSeedStory(@TempDir Path dir) throws IOException {
    Path mesh = Files.writeString(dir.resolve("mesh.yaml"), "enableAutoMtls: false\n");
    Cli.Run run = Cli.run("tls", "--mesh-config", mesh.toString(), example("seed-story-modern"));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("auto mTLS off")
        .contains("foo → httpbin.foo.svc.cluster.local:8000 DISABLE → STRICT CONFLICT");
  }
  /**
   * Both reports write route by route: 32 namespaces of 40 services make 40,960 routes and 57 MB of JSON, which a Java
   * process with a 48 MiB heap writes (it ran out of memory when the report was built whole). The document is whole
   * and the text's counts agree with it.
   */
  @Test
  void reportsOfManyRoutesAreWrittenInAHeapSmallerThanThem(@TempDir Path dir) throws Exception {
    long routes = manyRoutes(dir);

    Path json = smallHeap(dir, "tls", "--format", "json", dir.toString());
    assertThat(Files.size(json)).isGreaterThan(48L << 20);
    JsonNode doc = JsonMapper.builder().build().readTree(json.toFile());
    assertThat(doc.get("routes").size()).isEqualTo((int) routes);
    long conflicts = 0;
    for (JsonNode r : doc.get("routes")) {
      conflicts += r.get("verdict").asString().equals("CONFLICT") ? 1 : 0;
    }
    assertThat(conflicts).isEqualTo(routes / 10);

    Path text = smallHeap(dir, "tls", dir.toString());
    List<String> lines = Files.readAllLines(text, StandardCharsets.UTF_8);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(routes + " routes: " + (routes - conflicts) + " OK, " + conflicts + " CONFLICT, 0 INSECURE");
  }

  /**
   * Writes 32 namespaces, each with a client and 40 Services with DestinationRules (one in ten DISABLE), under mesh-wide
   * STRICT mTLS; returns the number of routes (40,960, one in ten CONFLICT).
   */
  private static long manyRoutes(Path dir) throws IOException {
    int namespaces = 32;
    int services = 40;
    for (int n = 0; n < namespaces; n++) {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: client, namespace: ns-%d}
          spec:
            selector: {matchLabels: {app: client}}
            template:
              metadata: {labels: {app: client, sidecar.istio.io/inject: "true"}}
              spec: {containers: [{name: app, image: client:1}]}
          """, n));
      for (int i = 0; i < services; i++) {
        b.append(String.format(Locale.ROOT, """
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: svc-%2$d, namespace: ns-%1$d}
            spec: {selector: {app: svc-%2$d}, ports: [{name: http, port: 8080}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: svc-%2$d, namespace: ns-%1$d}
            spec: {host: svc-%2$d, trafficPolicy: {tls: {mode: %3$s}}}
            """, n, i, i % 10 == 0 ? "DISABLE" : "ISTIO_MUTUAL"));
      }
      Files.writeString(dir.resolve("ns-" + n + ".yaml"), b);
    }
    Files.writeString(dir.resolve("strict.yaml"), """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        """);
    return (long) namespaces * namespaces * services;
  }

  /**
   * A reader that goes away (a pipe closed by {@code head}) stops the report: the run ends with exit code 3 and says
   * why, instead of expanding the other routes for nothing. The writer fails after 64 KiB of the 57 MB report.
   */
  @Test
  void reportStopsSoonAfterItsReaderIsGone(@TempDir Path dir) throws IOException {
    long routes = manyRoutes(dir);
    Cli.FailingWriter closedAfter64KiB = new Cli.FailingWriter(64 * 1024);
    StringWriter err = new StringWriter();

    int code = Main.run(new String[] {"tls", "--format", "json", dir.toString()}, InputStream.nullInputStream(),
        new PrintWriter(closedAfter64KiB), new PrintWriter(err), false);

    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("error: the report could not be written to standard output");
    assertThat(closedAfter64KiB.offered()).as("characters offered of about %d routes' worth", routes).isLessThan(16L << 20);
  }

  /** Runs the CLI in a new Java process with a 48 MiB heap; asserts exit code 1 (conflicts) and a clean stderr. */
  private static Path smallHeap(Path dir, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java, "-Xmx48m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.istiolint.cli.Main"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir.getParent(), "tls-out", ".txt");
    Path err = Files.createTempFile(dir.getParent(), "tls-err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the run ends").isTrue();
    assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEmpty();
    assertThat(p.exitValue()).isEqualTo(1);
    return out;
  }
}
