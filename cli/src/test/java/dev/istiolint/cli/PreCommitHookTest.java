package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs this repository's {@code .pre-commit-hooks.yaml} with the real {@code pre-commit try-repo} against a
 * temporary git repository. Installs Debian's pre-commit package when it is missing and we are root; skips (with an
 * assumption) when that is impossible.
 */
class PreCommitHookTest {

  private static final String BAD =
      "apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata:\n  name: httpbin\n"
          + "  namespace: foo\nspec:\n  host: httpbin\n  trafficPolicy: [unclosed\n";
  private static final String GOOD =
      "apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata:\n  name: httpbin\n"
          + "  namespace: foo\nspec:\n  host: httpbin\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n";

  record Exec(int code, String output) {}

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
    Files.writeString(repo.resolve("httpbin-dr.yaml"), BAD, StandardCharsets.UTF_8);
    exec(repo, env, "git", "add", "httpbin-dr.yaml");

    Exec failing = exec(repo, env, "pre-commit", "try-repo", root.toString(), "istio-lint", "--verbose");
    assertThat(failing.code()).as(failing.output()).isNotZero();
    assertThat(failing.output()).containsPattern("httpbin-dr\\.yaml:\\d+:\\d+: error: \\[YAML\\d{3}\\]");

    Files.writeString(repo.resolve("httpbin-dr.yaml"), GOOD, StandardCharsets.UTF_8);
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n", StandardCharsets.UTF_8);
    exec(repo, env, "git", "add", "httpbin-dr.yaml", ".github");
    Exec passing = exec(repo, env, "pre-commit", "try-repo", root.toString(), "istio-lint", "--verbose");
    assertThat(passing.code()).as(passing.output()).isZero();
    assertThat(passing.output()).contains("No problems found in 1 file");
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

  private static Exec exec(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Exec(-1, "timed out: " + String.join(" ", command));
    }
    return new Exec(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
