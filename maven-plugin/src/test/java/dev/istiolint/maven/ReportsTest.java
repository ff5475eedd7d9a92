package dev.istiolint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.maven.CheckParameters.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  @TempDir Path dir;

  private static LintResult brokenFile() {
    return Linter.lint(LintRequest.builder().source(SourceInput.of("k8s/broken.yaml", "a: [1, 2\n")).build());
  }

  @Test
  void writesOneFilePerFormatIntoACreatedDirectory() throws IOException {
    Path out = dir.resolve("target/istio-lint");

    Reports.write(brokenFile(), List.of(OutputFormat.values()), out, "1.2.3", List.of());

    assertThat(Files.readString(out.resolve("istio-lint.json")))
        .contains("\"version\": \"1.2.3\"")
        .contains("\"ruleId\": \"YAML002\"")
        .contains("\"file\": \"k8s/broken.yaml\"");
    assertThat(Files.readString(out.resolve("istio-lint.sarif"))).contains("\"ruleId\": \"YAML002\"");
    assertThat(Files.readString(out.resolve("istio-lint-junit.xml"))).contains("k8s/broken.yaml");
  }

  @Test
  void writesNothingWhenNoFormatIsChosen() {
    Reports.write(brokenFile(), List.of(), dir.resolve("none"), "1.2.3", List.of());

    assertThat(dir.resolve("none")).doesNotExist();
  }

  @Test
  void anUnwritableDirectoryIsAnIoError() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

    assertThatThrownBy(() -> Reports.write(brokenFile(), List.of(OutputFormat.JSON), file, "1.2.3", List.of()))
        .isInstanceOf(LintException.class)
        .hasMessageStartingWith("cannot write the report ")
        .satisfies(e -> assertThat(((LintException) e).kind()).isEqualTo(LintException.Kind.IO));
  }
}
