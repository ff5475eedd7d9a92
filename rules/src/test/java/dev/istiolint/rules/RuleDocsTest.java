package dev.istiolint.rules;

import dev.istiolint.core.rule.LintRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes the YAML examples of every rule doc: a block with {@code # expect:} comments must produce exactly those
 * findings of the doc's rule; a block without must be clean.
 */
class RuleDocsTest {

  @TestFactory
  Stream<DynamicTest> everyDocExampleBehavesAsItSays() throws IOException {
    Path docs = TestPaths.rulesModule().resolve("src/main/resources/rule-docs");
    List<DynamicTest> tests = new ArrayList<>();
    for (LintRule rule : TestRules.builtIn()) {
      String id = rule.meta().id();
      Path doc = docs.resolve(id + ".md");
      if (!Files.isRegularFile(doc)) {
        continue; // RuleCatalogTest reports it
      }
      List<String> blocks = RuleDocs.yamlBlocks(Files.readString(doc, StandardCharsets.UTF_8));
      for (int i = 0; i < blocks.size(); i++) {
        String name = "rule-docs/" + id + ".md#example-" + (i + 1) + ".yaml";
        String block = blocks.get(i);
        tests.add(
            DynamicTest.dynamicTest(
                id + " \u203a doc example " + (i + 1),
                () -> FixtureRun.ofRule(rule).checkText(name, block, Optional.empty())));
      }
    }
    return tests.stream();
  }
}
