package dev.istiolint.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every manifest of Istio's own corpus (CRDs, samples, 1.0 samples, analyzer inputs) loads through the facade without
 * an exception, an internal error or a syntax error; Helm templates get one clear finding at their first template
 * line. Skips when {@code ../shared/reference} is not there (a user's clone).
 */
class ReferenceCorpusLoadTest {

  private static final List<String> FOLDERS = List.of("crds", "samples", "samples-1.0", "analyzer-testdata");

  @TestFactory
  Stream<DynamicTest> everyReferenceFileLoadsCleanly() throws IOException {
    Optional<Path> istio = referenceIstio();
    assumeTrue(istio.isPresent(), "../shared/reference/istio is not there; skipping");
    List<DynamicTest> tests = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = istio.get().resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .filter(ReferenceCorpusLoadTest::isManifest)
            .sorted()
            .forEach(f -> tests.add(DynamicTest.dynamicTest(istio.get().relativize(f).toString(), () -> check(istio.get(), f))));
      }
    }
    assertThat(tests).as("reference manifests found").isNotEmpty();
    return tests.stream();
  }

  private static void check(Path base, Path file) throws IOException {
    LintResult result = Linter.lint(LintRequest.builder().baseDirectory(base).path(file).build());
    List<Diagnostic> findings = result.findings();
    assertThat(findings).noneMatch(d -> d.rule().equals(CoreRules.INTERNAL_ERROR));
    assertThat(findings)
        .as("loader findings")
        .noneMatch(
            d ->
                d.rule().equals(CoreRules.SYNTAX_ERROR)
                    || d.rule().equals(CoreRules.INVALID_ENCODING)
                    || d.rule().equals(CoreRules.NESTING_TOO_DEEP)
                    || d.rule().equals(CoreRules.ALIAS_LIMIT)
                    || d.rule().equals(CoreRules.UNSUPPORTED_TAG)
                    || d.rule().equals(CoreRules.FILE_TOO_LARGE)
                    || d.rule().equals(CoreRules.UNREADABLE_PATH));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Diagnostic> templates = findings.stream().filter(d -> d.rule().equals(CoreRules.TEMPLATE_NOT_YAML)).toList();
    if (!templates.isEmpty()) {
      assertThat(templates).hasSize(1);
      int first = 0;
      while (!lines.get(first).contains("{{")) {
        first++;
      }
      assertThat(templates.get(0).span().startLine()).isEqualTo(first + 1);
      assertThat(findings).as("nothing else is reported for a template").hasSize(1);
    }
    if (file.getParent().getFileName().toString().equals("templates") && lines.stream().anyMatch(l -> l.contains("{{"))) {
      assertThat(templates).as("a Helm chart template is reported as such").hasSize(1);
    }
    assertThat(result.summary().documents() > 0 || !findings.isEmpty() || lines.stream().allMatch(ReferenceCorpusLoadTest::blankOrComment))
        .as("a file with content yields documents or findings")
        .isTrue();
  }

  private static boolean blankOrComment(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#") || s.equals("---");
  }

  private static boolean isManifest(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /** The {@code istio} folder of the shared reference corpus: the surefire property, else found walking up. */
  static Optional<Path> referenceIstio() {
    String property = System.getProperty("istiolint.reference");
    if (property != null && Files.isDirectory(Path.of(property, "istio"))) {
      return Optional.of(Path.of(property, "istio").toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/reference/istio");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
