package dev.istiolint.maven;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.report.Reporter;
import dev.istiolint.maven.CheckParameters.OutputFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Writes the chosen report formats through core's reporters. */
final class Reports {

  private Reports() {}

  /** Writes one file per format under {@code directory}; an I/O failure becomes a {@link LintException}. */
  static void write(LintResult result, List<OutputFormat> formats, Path directory) {
    for (OutputFormat format : formats) {
      Path file = directory.resolve(format.fileName());
      Reporter reporter =
          reporter(format)
              .orElseThrow(
                  () ->
                      new LintException(
                          LintException.Kind.USAGE, "the " + format.name().toLowerCase() + " report is not available"));
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

  private static Optional<Reporter> reporter(OutputFormat format) {
    return Optional.empty();
  }
}
