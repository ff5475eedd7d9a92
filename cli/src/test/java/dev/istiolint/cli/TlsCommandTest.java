package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void meshConfigTurningAutoMtlsOffBreaksTheModernSeedStory(@TempDir Path dir) throws IOException {
    Path mesh = Files.writeString(dir.resolve("mesh.yaml"), "enableAutoMtls: false\n");
    Cli.Run run = Cli.run("tls", "--mesh-config", mesh.toString(), example("seed-story-modern"));
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("auto mTLS off")
        .contains("foo → httpbin.foo.svc.cluster.local:8000 DISABLE → STRICT CONFLICT");
  }
}
