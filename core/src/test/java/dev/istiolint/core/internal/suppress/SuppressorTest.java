package dev.istiolint.core.internal.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.config.Baseline;
import dev.istiolint.core.config.Glob;
import dev.istiolint.core.config.PerFileIgnore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Suppressions as the pipeline applies them, on LINT003 (duplicate resource), a finding core always produces. */
class SuppressorTest {

  private static final String SVC = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: foo\n";

  private static List<String> lint(String second) {
    return lint(LintRequest.builder(), second).findings().stream().map(Object::toString).toList();
  }

  private static LintResult lint(LintRequest.Builder b, String second) {
    return Linter.lint(b.source(SourceInput.of("a.yaml", SVC)).source(SourceInput.of("b.yaml", second)).build());
  }

  @Test
  void withoutSuppressionTheDuplicateIsReported() {
    assertThat(lint(SVC)).containsExactly("b.yaml:4:9: warning: [LINT003] Service foo/a is defined twice; the one applied last replaces the other");
  }

  @Test
  void annotationSuppressesOnItsResource() {
    assertThat(lint(SVC + "  annotations:\n    istio-lint.dev/suppress: \" LINT003 ,\"\n")).isEmpty();
  }

  @Test
  void inlineCommentOnTheLineOrTheLineAboveSuppresses() {
    assertThat(lint(SVC.replace("name: a", "name: a # istio-lint: disable=LINT003 -- ok"))).isEmpty();
    assertThat(lint(SVC.replace("  name: a", "  # istio-lint: disable=YAML001, LINT003\n  name: a")))
        .containsExactly("b.yaml:4:3: warning: [LINT005] the suppression of YAML001 matched no finding here; remove it");
    assertThat(lint(SVC.replace("metadata:", "# istio-lint: disable=LINT003\nmetadata:")))
        .containsExactly(
            "b.yaml:3:1: warning: [LINT005] the suppression of LINT003 matched no finding here; remove it",
            "b.yaml:5:9: warning: [LINT003] Service foo/a is defined twice; the one applied last replaces the other");
  }

  @Test
  void unknownIdsAndUnusedSuppressionsAreWarnings() {
    assertThat(lint(SVC + "  annotations:\n    istio-lint.dev/suppress: \"LINT003, NOPE001, YAML001\"\n"))
        .containsExactly(
            "b.yaml:7:30: warning: [LINT005] the suppression of YAML001 matched no finding here; remove it",
            "b.yaml:7:30: warning: [LINT006] the istio-lint.dev/suppress annotation names \"NOPE001\", which is not a rule id; see `istio-lint rules`");
  }

  @Test
  void unusedSuppressionsOfRulesThatDidNotRunAreNotReported() {
    LintResult r =
        lint(LintRequest.builder().ignore("YAML001"), SVC + "  annotations:\n    istio-lint.dev/suppress: \"LINT003, YAML001\"\n");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void galleyCodesWithoutAMatchingRuleAreIgnoredSilently() {
    assertThat(lint(SVC + "  annotations:\n    galley.istio.io/analyze-suppress: \"IST9999\"\n"))
        .containsExactly("b.yaml:4:9: warning: [LINT003] Service foo/a is defined twice; the one applied last replaces the other");
  }

  @Test
  void perFileIgnoresApplyToMatchingFiles() {
    assertThat(lint(LintRequest.builder().perFileIgnore(new PerFileIgnore(new Glob("b.*"), Set.of("LINT003"))), SVC).findings()).isEmpty();
    assertThat(lint(LintRequest.builder().perFileIgnore(new PerFileIgnore(new Glob("c.*"), Set.of("LINT003"))), SVC).findings()).hasSize(1);
  }

  @Test
  void baselineSurvivesLineShiftsButNotNewFindings() {
    LintResult before = lint(LintRequest.builder(), SVC);
    Baseline baseline = Baseline.of(before);
    assertThat(lint(LintRequest.builder().baseline(baseline), "# moved\n\n" + SVC).findings()).isEmpty();
    assertThat(lint(LintRequest.builder().baseline(baseline), SVC.replace("name: a", "name: a # changed")).findings()).hasSize(1);
  }
}
