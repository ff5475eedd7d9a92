package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Istio's own sample applications ({@code ../shared/reference/istio/samples/<app>/}) are correct configurations: all
 * rules together must report no error on them except the ones listed here, each checked by hand and explained in
 * the rules README. Warnings and infos are written to {@code target/samples-report.txt} for review.
 */
class SamplesTest {

  /** Errors that are right (file:line [ID]), with the reason in rules/README.md. */
  static final Set<String> EXPECTED_ERRORS =
      Set.of(
          // the ACME solver Service is created by cert-manager at run time; the folder does not define it
          "bookinfo/networking/certmanager-gateway.yaml:33 [REF002]");

  @Test
  void sampleApplicationsHaveNoWrongErrors() throws IOException {
    Optional<Path> reference = TestPaths.reference();
    assumeTrue(reference.isPresent(), "../shared/reference is not present; samples skipped");
    Path samples = reference.get().resolve("istio/samples");
    List<String> errors = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    List<Path> apps;
    try (Stream<Path> s = Files.list(samples)) {
      apps = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path app : apps) {
      LintResult result =
          Linter.lint(LintRequest.builder().path(app).baseDirectory(samples).rules(TestRules.builtIn()).build());
      for (Diagnostic d : result.findings()) {
        if (d.ruleId().startsWith("YAML") || d.ruleId().startsWith("SCHEMA0") || d.ruleId().startsWith("LINT")) {
          continue; // loader and schema findings are the core's tests' business (Helm templates, for example)
        }
        report.append(d).append('\n');
        if (d.severity() == Severity.ERROR) {
          String key = d.span().file() + ":" + d.span().startLine() + " [" + d.ruleId() + "]";
          if (!EXPECTED_ERRORS.contains(key)) {
            errors.add(d.toString());
          }
        }
      }
    }
    Path out = Path.of("target", "samples-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    assertThat(errors).as("errors on Istio's samples that are not known to be right").isEmpty();
  }
}
