package dev.istiolint.core.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are read when they load, and read again for quoting: through the facade, nothing of that shows. */
class ReadWhenLoadedTest {

  @TempDir Path dir;

  private static final String BROKEN = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n";

  @Test
  void anUnreadableFileIsAFindingAndTheOthersAreStillChecked() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), BROKEN);
    Path locked = Files.writeString(dir.resolve("b.yaml"), BROKEN);
    Files.writeString(dir.resolve("c.yaml"), BROKEN);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(locked), "running with permissions that read anything");
    LintResult result = Linter.lint(LintRequest.builder().baseDirectory(dir).path(dir).threads(2).build());
    assertThat(result.findings())
        .extracting(d -> d.ruleId() + " " + d.span().file() + ":" + d.span().startLine())
        .containsExactly("YAML001 a.yaml:5", "YAML008 b.yaml:1", "YAML001 c.yaml:5");
    assertThat(result.findings().get(1).message()).contains("permission denied");
    assertThat(result.files()).containsExactly("a.yaml", "c.yaml");
    assertThat(result.summary().files()).isEqualTo(2);
    assertThat(result.sourceLine("a.yaml", 5)).contains("  name: b");
    assertThat(result.sourceLine("b.yaml", 1)).isEmpty();
  }

  @Test
  void filesWithFindingsAreQuotedAsTheyWereAnalysedAndOthersAreNotKept() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), BROKEN);
    Files.writeString(dir.resolve("ok.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n");
    LintResult result = Linter.lint(LintRequest.builder().baseDirectory(dir).path(dir).build());
    assertThat(result.findings()).extracting(Diagnostic::ruleId).containsExactly("YAML001");
    assertThat(result.sourceLine("a.yaml", 4)).contains("  name: a");
    assertThat(result.sourceLine("ok.yaml", 4)).isEmpty();
  }
}
