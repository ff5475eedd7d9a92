package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs this repository's {@code .pre-commit-hooks.yaml} with the real {@code pre-commit try-repo} against a
 * temporary git repository. Installs Debian's pre-commit package when it is missing and we are root; skips (with an
 * assumption) when that is impossible.
 */
class PreCommitHookTest {

  private static final Path SEED = Path.of(Cli.testdata(), "examples/seed-story-1.0").toAbsolutePath();
  private static final String BREAKER = "httpbin-circuit-breaker.yaml";

  @Test
  void hookFailsWithFileAndLineOnABadManifestAndPassesOnceFixed(@TempDir Path tmp) throws Exception {
    assumeTrue(preCommitAvailable(tmp), "pre-commit is not installed and cannot be installed here");
    Path root = Path.of("").toAbsolutePath();
    assumeTrue(Files.exists(root.resolve(".git")), "not a git checkout");
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Map<String, String> env =
        Map.of(
            "PRE_COMMIT_HOME", tmp.resolve("cache").toString(),
            "ISTIO_LINT_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    assertThat(exec(repo, env, "git", "init", "-q").code()).isZero();
    exec(repo, env, "git", "config", "user.email", "test@example.com");
    exec(repo, env, "git", "config", "user.name", "test");
    // the mesh is committed; only the circuit breaker without tls is staged, as in the seed story
    for (String f : List.of("mesh-mtls.yaml", "namespace.yaml", "httpbin.yaml", "sleep.yaml")) {
      Files.copy(SEED.resolve(f), repo.resolve(f));
    }
    exec(repo, env, "git", "add", ".");
    assertThat(exec(repo, env, "git", "commit", "-q", "-m", "mesh").code()).isZero();
    String breaker = Files.readString(SEED.resolve(BREAKER), StandardCharsets.UTF_8);
    Files.writeString(repo.resolve(BREAKER), breaker, StandardCharsets.UTF_8);
    exec(repo, env, "git", "add", BREAKER);

    Cli.Exec failing = exec(repo, env, "pre-commit", "try-repo", root.toString(), "istio-lint", "--verbose");
    assertThat(failing.code()).as(failing.output()).isNotZero();
    assertThat(failing.output()).contains(BREAKER + ":12:5: error: [TLS001]", "fix: add tls: {mode: ISTIO_MUTUAL}");
    assertThat(failing.output()).doesNotContainPattern("(?m)^mesh-mtls\\.yaml:");

    String fixed = breaker.replace("  trafficPolicy:\n", "  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n");
    assertThat(fixed).isNotEqualTo(breaker);
    Files.writeString(repo.resolve(BREAKER), fixed, StandardCharsets.UTF_8);
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n", StandardCharsets.UTF_8);
    exec(repo, env, "git", "add", BREAKER, ".github");
    Cli.Exec passing = exec(repo, env, "pre-commit", "try-repo", root.toString(), "istio-lint", "--verbose");
    assertThat(passing.code()).as(passing.output()).isZero();
    assertThat(passing.output()).contains("No problems found in 5 files");
  }

  private static boolean preCommitAvailable(Path tmp) throws Exception {
    if (onPath("pre-commit")) {
      return true;
    }
    if (!onPath("apt-get") || !"root".equals(System.getProperty("user.name"))) {
      return false;
    }
    Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
    exec(tmp, env, "apt-get", "update", "-qq");
    exec(tmp, env, "apt-get", "install", "-y", "-qq", "pre-commit");
    return onPath("pre-commit");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static Cli.Exec exec(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    return Cli.exec(dir, env, List.of(), command);
  }

}
