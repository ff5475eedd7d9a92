package dev.istiolint.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.report.JsonReporter;
import dev.istiolint.core.report.TextReporter;
import dev.istiolint.rules.BuiltInRules;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target for the whole pipeline, bytes in: load, validate, decode, index, run every built-in rule and report as
 * text and JSON. No internal error, a terminal-safe text report, and a JSON report that parses and is valid UTF-8.
 */
class PipelineFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void pipelineKeepsTheContract(byte[] input) throws IOException {
    LintResult result =
        Linter.lint(LintRequest.builder().rules(BuiltInRules.all()).source(new SourceInput("fuzz.yaml", input)).build());
    assertThat(result.internalErrors()).isEmpty();
    for (Diagnostic d : result.findings()) {
      FuzzChecks.wellFormed(d);
    }
    StringWriter text = new StringWriter();
    new TextReporter(false, true).write(result, text);
    String echoable = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(OutputContract.terminalSafe(text.toString(), echoable)).isEmpty();
    StringWriter json = new StringWriter();
    new JsonReporter("fuzz").write(result, json);
    List<String> problems = new ArrayList<>();
    assertThat(OutputContract.validJson(json.toString(), problems)).isNotNull();
    assertThat(problems).isEmpty();
  }
}
