package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SARIF output validates against the SARIF 2.1.0 schema shipped as a test resource. */
class SarifSchemaTest {

  @Test
  void sarifOutputOfEveryReporterCaseIsValidSarif() throws Exception {
    Schema schema;
    try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-2.1.0-subset.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    for (String input : new String[] {"findings", "clean", "suppressions", "escaping"}) {
      Cli.Run run = Cli.run("check", "--format", "sarif", "testdata/reporters/" + input + "/input");
      JsonNode sarif = JsonMapper.builder().build().readTree(run.out());
      List<Error> errors = schema.validate(sarif);
      assertThat(errors).as(input).isEmpty();
    }
  }

  @Test
  void schemaRejectsABrokenLog() throws Exception {
    Schema schema;
    try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-2.1.0-subset.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    JsonNode broken =
        JsonMapper.builder().build().readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}},\"results\":[{\"level\":\"fatal\"}]}]}");
    assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(3);
  }
}
