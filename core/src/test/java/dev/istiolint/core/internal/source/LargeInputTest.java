package dev.istiolint.core.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large inputs through the facade: legitimate big manifests pass, oversized ones are refused before reading. */
class LargeInputTest {

  @TempDir Path dir;

  /** An EnvoyFilter of about 2.6 MB: many patches, each with an inline Lua script, as large real filters have. */
  static String bigEnvoyFilter() {
    StringBuilder b = new StringBuilder(2_800_000);
    b.append("apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: big-filter\n");
    b.append("  namespace: istio-system\nspec:\n  configPatches:\n");
    int i = 0;
    while (b.length() < 2_600_000) {
      b.append("  - applyTo: HTTP_FILTER\n    match:\n      context: SIDECAR_INBOUND\n      listener:\n");
      b.append("        portNumber: ").append(8000 + i % 1000).append('\n');
      b.append("        filterChain:\n          filter:\n            name: envoy.filters.network.http_connection_manager\n");
      b.append("    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: envoy.lua.").append(i).append('\n');
      b.append("        typed_config:\n          \"@type\": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua\n");
      b.append("          inlineCode: |\n");
      for (int line = 0; line < 20; line++) {
        b.append("            function envoy_on_request_").append(line).append("(handle) handle:headers():add(\"x-")
            .append(i).append("\", \"").append(line).append("\") end\n");
      }
      i++;
    }
    return b.toString();
  }

  @Test
  void acceptsALegitimateEnvoyFilterOf2Point6Megabytes() throws IOException {
    Path file = dir.resolve("envoyfilter.yaml");
    String text = bigEnvoyFilter();
    Files.writeString(file, text);
    assertThat(Files.size(file)).isGreaterThan(2_600_000).isLessThan(LintRequest.DEFAULT_MAX_FILE_BYTES);
    long start = System.nanoTime();
    LintResult result = Linter.lint(LintRequest.builder().baseDirectory(dir).path(file).build());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(millis).as("a few seconds at most, even on a busy machine").isLessThan(15_000);
    assertThat(result.findings())
        .extracting(Diagnostic::rule)
        .doesNotContain(
            CoreRules.FILE_TOO_LARGE,
            CoreRules.SYNTAX_ERROR,
            CoreRules.ALIAS_LIMIT,
            CoreRules.NESTING_TOO_DEEP,
            CoreRules.INTERNAL_ERROR);
    assertThat(result.summary().resources()).isEqualTo(1);
  }

  @Test
  void refusesAFiftyMegabyteFileThroughTheFacadeBeforeReadingIt() throws IOException {
    Path big = dir.resolve("huge.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024);
    }
    long start = System.nanoTime();
    LintResult result = Linter.lint(LintRequest.builder().baseDirectory(dir).path(big).build());
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
    assertThat(result.findings()).hasSize(1);
    Diagnostic d = result.findings().get(0);
    assertThat(d.rule()).isEqualTo(CoreRules.FILE_TOO_LARGE);
    assertThat(d.span().toString()).isEqualTo("huge.yaml:1:1");
  }

  @Test
  void refusesAnOversizedStreamWithoutReadingItAll() throws IOException {
    byte[] nine = new byte[9 * 1024 * 1024];
    java.util.Arrays.fill(nine, (byte) 'a');
    SourceInput stdin = SourceInput.read("-", new ByteArrayInputStream(nine), LintRequest.DEFAULT_MAX_FILE_BYTES);
    assertThat(stdin.content().length).isEqualTo(LintRequest.DEFAULT_MAX_FILE_BYTES + 1);
    LintResult result = Linter.lint(LintRequest.builder().baseDirectory(dir).source(stdin).build());
    assertThat(result.findings()).extracting(Diagnostic::rule).containsExactly(CoreRules.FILE_TOO_LARGE);
    SourceInput small =
        SourceInput.read(
            "-", new ByteArrayInputStream("a: 1\n".getBytes(StandardCharsets.UTF_8)), LintRequest.DEFAULT_MAX_FILE_BYTES);
    assertThat(small.content()).hasSize(5);
  }
}
