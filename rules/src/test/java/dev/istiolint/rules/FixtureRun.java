package dev.istiolint.rules;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.testing.Expectations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs rules over one fixture (a file, a folder or in-memory text) and checks the findings against the inline
 * expectations, strictly: unmet expectations, unexpected findings, tool-level findings and malformed or misplaced
 * expectation comments all fail, with every actual finding listed in CLI format.
 */
final class FixtureRun {

  /** One expected finding in one file of a fixture. */
  record Expectation(String file, int line, String ruleId, Optional<String> substring) {
    @Override
    public String toString() {
      return file + ":" + line + ": [" + ruleId + "]" + substring.map(s -> " \"" + s + "\"").orElse("");
    }
  }

  /** The expectations of one file, and its malformed expectation comments. */
  record Parsed(List<Expectation> expectations, List<String> malformed) {}

  /** Reads one file's comments with the shared parser of {@code dev.istiolint.core.testing}. */
  static Parsed parse(String file, String text) {
    Expectations e = Expectations.parseComments(text);
    List<Expectation> out = new ArrayList<>();
    e.expectations().forEach(x -> out.add(new Expectation(file, x.line(), x.ruleId(), x.messagePart())));
    List<String> malformed = new ArrayList<>();
    e.malformed().forEach(m -> malformed.add(file + ": " + m));
    return new Parsed(out, malformed);
  }

  /** Which rules run, and which rule id the expectations may name (empty: any). */
  private final List<LintRule> rules;
  private final Optional<String> onlyRuleId;

  private FixtureRun(List<LintRule> rules, Optional<String> onlyRuleId) {
    this.rules = List.copyOf(rules);
    this.onlyRuleId = onlyRuleId;
  }

  /** A run of one rule; expectations must name only that rule. */
  static FixtureRun ofRule(LintRule rule) {
    return new FixtureRun(List.of(rule), Optional.of(rule.meta().id()));
  }

  /** A run of all given rules together (scenarios). */
  static FixtureRun ofRules(List<LintRule> rules) {
    return new FixtureRun(rules, Optional.empty());
  }

  /**
   * Checks the fixture at {@code path} (a file or a folder), with display paths relative to {@code base}.
   *
   * @param mustExpect true for {@code bad-} cases, false for {@code ok-} cases, empty for scenarios
   */
  void checkPath(Path base, Path path, Optional<Boolean> mustExpect) {
    List<Parsed> parsed = new ArrayList<>();
    for (Path file : yamlFiles(path)) {
      String display = base.relativize(file).toString().replace('\\', '/');
      parsed.add(parse(display, read(file)));
    }
    LintRequest request =
        LintRequest.builder().path(path).baseDirectory(base).rules(rules).build();
    check(parsed, Linter.lint(request), mustExpect);
  }

  /** Checks an in-memory fixture, for example a YAML block of a rule doc. */
  void checkText(String name, String text, Optional<Boolean> mustExpect) {
    Parsed parsed = parse(name, text);
    LintRequest request =
        LintRequest.builder().source(SourceInput.of(name, text)).rules(rules).build();
    check(List.of(parsed), Linter.lint(request), mustExpect);
  }

  private void check(List<Parsed> parsed, LintResult result, Optional<Boolean> mustExpect) {
    List<String> problems = new ArrayList<>();
    List<Expectation> expected = new ArrayList<>();
    for (Parsed p : parsed) {
      problems.addAll(p.malformed());
      expected.addAll(p.expectations());
    }
    onlyRuleId.ifPresent(
        id ->
            expected.stream()
                .filter(e -> !e.ruleId().equals(id))
                .forEach(e -> problems.add(e + ": names another rule; this folder runs only " + id)));
    if (mustExpect.isPresent()) {
      if (mustExpect.get() && expected.isEmpty()) {
        problems.add("a bad- case must carry at least one '# expect:' comment");
      }
      if (!mustExpect.get() && !expected.isEmpty()) {
        problems.add("an ok- case must carry no '# expect:' comment");
      }
    }
    List<Diagnostic> actual = new ArrayList<>();
    for (Diagnostic d : result.findings()) {
      if (relevant(d)) {
        actual.add(d);
      }
    }
    List<Diagnostic> unmatched = new ArrayList<>(actual);
    List<Expectation> sorted = new ArrayList<>(expected);
    sorted.sort(Comparator.comparing((Expectation e) -> e.substring().isEmpty()));
    for (Expectation e : sorted) {
      Optional<Diagnostic> hit =
          unmatched.stream()
              .filter(d -> d.span().file().equals(e.file()) && d.span().startLine() == e.line())
              .filter(d -> d.ruleId().equals(e.ruleId()))
              .filter(d -> e.substring().map(s -> d.message().contains(s)).orElse(true))
              .findFirst();
      if (hit.isPresent()) {
        unmatched.remove(hit.get());
      } else {
        problems.add("unmet expectation " + e);
      }
    }
    for (Diagnostic d : unmatched) {
      problems.add("unexpected finding " + d);
    }
    if (!problems.isEmpty()) {
      StringBuilder msg = new StringBuilder();
      problems.forEach(p -> msg.append(p).append('\n'));
      msg.append("actual findings:\n");
      if (actual.isEmpty()) {
        msg.append("  (none)\n");
      }
      actual.forEach(d -> msg.append("  ").append(d).append('\n'));
      throw new AssertionError(msg.toString());
    }
  }

  /**
   * The findings a fixture is judged on: those of the rules under test, and any tool-level problem (broken YAML,
   * internal errors, duplicates) that would make the fixture meaningless. Informational notes on unknown kinds and
   * the schema validator's findings are left to their own tests.
   */
  private boolean relevant(Diagnostic d) {
    String id = d.ruleId();
    if (rules.stream().anyMatch(r -> r.meta().id().equals(id))) {
      return true;
    }
    if (id.startsWith("YAML")) {
      return true;
    }
    return id.startsWith("LINT") && d.severity() != Severity.INFO;
  }

  private static List<Path> yamlFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.walk(path)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
