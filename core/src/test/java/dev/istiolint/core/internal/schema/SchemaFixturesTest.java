package dev.istiolint.core.internal.schema;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.testing.FixtureRunner;
import dev.istiolint.core.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SchemaFixturesTest {

  @TestFactory
  Stream<DynamicTest> everySchemaFixtureProducesExactlyItsExpectedFindings() {
    Path folder = TestData.root().resolve("schema");
    return FixtureRunner.tests("schema", folder, file -> analyse(folder, file));
  }

  private static List<Diagnostic> analyse(Path folder, Path file) {
    LintRequest.Builder b = LintRequest.builder().baseDirectory(folder).path(file);
    FixtureRunner.declaredVersion(file).ifPresent(b::istioVersion);
    return Linter.lint(b.build()).findings();
  }
}
