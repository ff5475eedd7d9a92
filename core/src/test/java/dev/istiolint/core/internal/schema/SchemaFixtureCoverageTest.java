package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.testing.Expectations;
import dev.istiolint.core.testing.FixtureRunner;
import dev.istiolint.core.testing.TestData;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SchemaFixtureCoverageTest {

  @Test
  void everySchemaFindingTypeIsShownByAtLeastOneFixture() {
    Path folder = TestData.root().resolve("schema");
    Set<String> expected = new TreeSet<>();
    for (Path file : FixtureRunner.fixtures(folder)) {
      FixtureRunner.expectationsFor(file).expectations().stream()
          .map(Expectations.Expectation::ruleId)
          .forEach(expected::add);
    }
    Set<String> schemaIds = new TreeSet<>();
    CoreRules.all().stream().map(RuleMeta::id).filter(id -> id.startsWith("SCHEMA")).forEach(schemaIds::add);
    assertThat(schemaIds).hasSize(8);
    assertThat(expected).containsAll(schemaIds);
  }

  @Test
  void theIstioValidationFindingCarriesIstioctlsCode() {
    assertThat(CoreRules.SCHEMA_ISTIO_VALIDATION.istioCode()).hasValue("IST0106");
  }
}
