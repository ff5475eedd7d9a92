package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Files load and rules run on several threads; the result must be the same, byte for byte, as on one thread: the
 * same findings in the same order with the same positions, related locations and messages.
 */
class ParallelRunTest {

  @Test
  void everyRuleFixtureGivesTheSameResultOnOneAndOnSeveralThreads() {
    Path fixtures = TestPaths.testdata().resolve("rules");
    assertSameOnEveryThreadCount(fixtures);
  }

  @Test
  void hostileFilesGiveTheSameResultOnOneAndOnSeveralThreads() {
    // deep nesting, alias bombs, bad encodings, huge numbers: refused the same way on a worker thread
    assertSameOnEveryThreadCount(TestPaths.testdata().resolve("hostile"));
  }

  @Test
  void istiosSamplesGiveTheSameResultOnOneAndOnSeveralThreads() {
    Optional<Path> reference = TestPaths.reference();
    org.junit.jupiter.api.Assumptions.assumeTrue(reference.isPresent(), "../shared/reference is not present");
    assertSameOnEveryThreadCount(reference.get().resolve("istio/samples"));
  }

  private static void assertSameOnEveryThreadCount(Path folder) {
    List<String> one = render(lint(folder, 1));
    assertThat(one).isNotEmpty();
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(render(lint(folder, threads))).as("%d threads", threads).isEqualTo(one);
    }
  }

  private static LintResult lint(Path folder, int threads) {
    return Linter.lint(
        LintRequest.builder()
            .path(folder)
            .baseDirectory(folder)
            .rules(TestRules.builtIn())
            .threads(threads)
            .build());
  }

  private static List<String> render(LintResult result) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : result.findings()) {
      out.add(d.span() + "-" + d.span().endLine() + ":" + d.span().endColumn() + " " + d.severity() + " ["
          + d.ruleId() + "] " + d.message() + " " + d.related());
    }
    out.add(result.summary().toString());
    out.add(result.istioVersion() + " " + result.internalErrors().size());
    return out;
  }
}
