package dev.istiolint.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every built-in rule over each folder of {@code testdata/scenarios/}, with strict inline expectations. */
class ScenarioTest {

  @TestFactory
  Stream<DynamicTest> everyScenarioMeetsItsExpectations() throws IOException {
    Path root = TestPaths.testdata().resolve("scenarios");
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml"))
          .sorted()
          .toList()
          .stream()
          .map(
              scenario ->
                  DynamicTest.dynamicTest(
                      "scenario \u203a " + scenario.getFileName(),
                      scenario.toUri(),
                      () ->
                          FixtureRun.ofRules(TestRules.builtIn())
                              .checkPath(root, scenario, Optional.empty())));
    }
  }
}
