package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.rule.LintRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One dynamic test per fixture under {@code testdata/rules/<ID>/}: only that rule runs, and the findings must match
 * the inline expectations exactly. Adding a case needs no Java.
 */
class RuleFixturesTest {

  @TestFactory
  Stream<DynamicTest> everyFixtureMeetsItsExpectations() throws IOException {
    Path root = TestPaths.testdata().resolve("rules");
    List<DynamicTest> tests = new ArrayList<>();
    for (LintRule rule : TestRules.builtIn()) {
      String id = rule.meta().id();
      Path folder = root.resolve(id);
      if (!Files.isDirectory(folder)) {
        continue; // RuleCatalogTest reports the missing folder
      }
      for (Path fixture : cases(folder)) {
        String name = fixture.getFileName().toString();
        boolean bad = name.startsWith("bad-");
        tests.add(
            DynamicTest.dynamicTest(
                id + " \u203a " + name,
                fixture.toUri(),
                () -> FixtureRun.ofRule(rule).checkPath(folder, fixture, Optional.of(bad))));
      }
    }
    return tests.stream();
  }

  @Test
  void everyFixtureIsNamedBadOrOk() throws IOException {
    Path root = TestPaths.testdata().resolve("rules");
    List<String> misnamed = new ArrayList<>();
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> entries = Files.list(folder)) {
          entries
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("bad-") && !n.startsWith("ok-"))
              .forEach(n -> misnamed.add(folder.getFileName() + "/" + n));
        }
      }
    }
    assertThat(misnamed).as("fixtures must be named bad-* or ok-*").isEmpty();
  }

  /** The cases of one rule folder: {@code bad-*} and {@code ok-*} files or folders, sorted. */
  static List<Path> cases(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(
              p -> {
                String n = p.getFileName().toString();
                boolean named = n.startsWith("bad-") || n.startsWith("ok-");
                return named && (Files.isDirectory(p) || n.endsWith(".yaml") || n.endsWith(".yml"));
              })
          .sorted()
          .toList();
    }
  }
}
