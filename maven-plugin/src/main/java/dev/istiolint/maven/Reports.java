package dev.istiolint.maven;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.report.JsonReporter;
import dev.istiolint.core.report.JunitReporter;
import dev.istiolint.core.report.Reporter;
import dev.istiolint.core.report.SarifReporter;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.maven.CheckParameters.OutputFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the chosen report formats through core's reporters, one file per format. */
final class Reports {

  private Reports() {}

  /**
   * Writes one file per format under {@code directory}; an I/O failure becomes a {@link LintException}.
   *
   * @param toolVersion the plugin version, recorded in the JSON and SARIF reports
   * @param rules the rules that ran, described in the SARIF report with core's own findings
   */
  static void write(
      LintResult result, List<OutputFormat> formats, Path directory, String toolVersion, List<LintRule> rules) {
    List<RuleMeta> catalogue = new ArrayList<>(CoreRules.all());
    rules.forEach(r -> catalogue.add(r.meta()));
    for (OutputFormat format : formats) {
      Path file = directory.resolve(format.fileName());
      Reporter reporter =
          switch (format) {
            case JSON -> new JsonReporter(toolVersion);
            case SARIF -> new SarifReporter(toolVersion, catalogue);
            case JUNIT -> new JunitReporter();
          };
      try {
        Files.createDirectories(directory);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          reporter.write(result, out);
        }
      } catch (IOException e) {
        throw new LintException(LintException.Kind.IO, "cannot write the report " + file, e);
      }
    }
  }
}
