package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleMeta;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Meta-tests over the catalogue: ids, classes, docs, fixtures and the docs index agree. */
class RuleCatalogTest {

  private static List<RuleMeta> metas() {
    return TestRules.builtIn().stream().map(LintRule::meta).toList();
  }

  private static Set<String> knownIds() {
    Set<String> ids = new HashSet<>();
    metas().forEach(m -> ids.add(m.id()));
    CoreRules.all().forEach(m -> ids.add(m.id()));
    return ids;
  }

  @Test
  void idsAreUniqueWellFormedAndDistinctFromCoreIds() {
    List<String> ids = new ArrayList<>(metas().stream().map(RuleMeta::id).toList());
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> RuleMeta.ID_PATTERN.matcher(id).matches());
    assertThat(ids).doesNotContainAnyElementsOf(CoreRules.all().stream().map(RuleMeta::id).toList());
    assertThat(metas().stream().map(RuleMeta::name).toList()).doesNotHaveDuplicates();
  }

  @Test
  void summariesAreOneLineWithoutTrailingPeriod() {
    for (RuleMeta m : metas()) {
      assertThat(m.summary()).as(m.id()).isNotBlank().doesNotEndWith(".").doesNotContain("\n", "`", "**");
    }
  }

  @Test
  void ruleClassesAreFinalWithNoArgConstructorAndNoFields() {
    for (LintRule rule : TestRules.builtIn()) {
      Class<?> type = rule.getClass();
      assertThat(Modifier.isFinal(type.getModifiers())).as(type.getName() + " is final").isTrue();
      assertThat(type.getDeclaredFields())
          .as(type.getName() + " is stateless")
          .allMatch(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()));
      assertThat(Stream.of(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0))
          .as(type.getName() + " has a public no-arg constructor")
          .isTrue();
    }
  }

  @Test
  void everyRuleHasADocWithTheGeneratedHeaderAndAllSections() throws IOException {
    Path docs = TestPaths.rulesModule().resolve("src/main/resources/rule-docs");
    List<String> problems = new ArrayList<>();
    for (RuleMeta m : metas()) {
      Path doc = docs.resolve(m.id() + ".md");
      if (!Files.isRegularFile(doc)) {
        problems.add(m.id() + ": missing rule-docs/" + m.id() + ".md");
        continue;
      }
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      String expected = RuleDocs.withHeader(text, m);
      if (!expected.equals(text)) {
        if (RuleDocs.update()) {
          Files.writeString(doc, expected, StandardCharsets.UTF_8);
        } else {
          problems.add(m.id() + ": doc header differs from @RuleInfo (rerun with -Distiolint.updateDocs=true)");
        }
      }
      int at = 0;
      for (String section : RuleDocs.SECTIONS) {
        int found = text.indexOf("\n" + section + "\n", at);
        if (found < 0) {
          problems.add(m.id() + ": missing or misplaced section '" + section + "'");
        } else {
          at = found;
        }
      }
      if (getClass().getClassLoader().getResource(m.docResource()) == null) {
        problems.add(m.id() + ": doc not on the classpath as " + m.docResource());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRuleHasBadAndOkFixtures() throws IOException {
    Path root = TestPaths.testdata().resolve("rules");
    List<String> problems = new ArrayList<>();
    for (RuleMeta m : metas()) {
      Path folder = root.resolve(m.id());
      if (!Files.isDirectory(folder)) {
        problems.add(m.id() + ": missing testdata/rules/" + m.id() + "/");
        continue;
      }
      List<Path> cases = RuleFixturesTest.cases(folder);
      if (cases.stream().noneMatch(p -> p.getFileName().toString().startsWith("bad-"))) {
        problems.add(m.id() + ": no bad- fixture");
      }
      if (cases.stream().noneMatch(p -> p.getFileName().toString().startsWith("ok-"))) {
        problems.add(m.id() + ": no ok- fixture");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFixtureFolderAndDocBelongsToARegisteredRule() throws IOException {
    Set<String> known = knownIds();
    List<String> orphans = new ArrayList<>();
    try (Stream<Path> folders = Files.list(TestPaths.testdata().resolve("rules"))) {
      folders
          .map(p -> p.getFileName().toString())
          .filter(n -> !known.contains(n))
          .forEach(n -> orphans.add("testdata/rules/" + n));
    }
    Path docs = TestPaths.rulesModule().resolve("src/main/resources/rule-docs");
    if (Files.isDirectory(docs)) {
      try (Stream<Path> files = Files.list(docs)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> !n.endsWith(".md") || !known.contains(n.substring(0, n.length() - 3)))
            .forEach(n -> orphans.add("rule-docs/" + n));
      }
    }
    assertThat(orphans).as("no rule is registered for these").isEmpty();
  }

  @Test
  void theDocsIndexIsUpToDate() throws IOException {
    Path readme = TestPaths.rulesModule().resolve("README.md");
    String text = Files.isRegularFile(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
    String expected = RuleDocs.withIndex(text, metas());
    if (!expected.equals(text) && RuleDocs.update()) {
      Files.writeString(readme, expected, StandardCharsets.UTF_8);
      return;
    }
    assertThat(text).as("rules/README.md index (rerun with -Distiolint.updateDocs=true)").isEqualTo(expected);
  }
}
