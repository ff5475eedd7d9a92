package dev.istiolint.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every hand-written case under {@code testdata/loader/}: the loader's findings must match the file's {@code #
 * expect:} comments exactly (rule id and line, and the quoted text when given).
 */
class YamlLoaderCasesTest {

  private static final Pattern EXPECT =
      Pattern.compile("(?:^|\\s)# expect(-next-line)?: ([A-Z]+[0-9]{3})(?: \"([^\"]*)\")?\\s*$");

  private record Expectation(int line, String ruleId, Optional<String> text) {}

  @TestFactory
  Stream<DynamicTest> everyLoaderCaseYieldsExactlyItsExpectedFindings() throws IOException {
    Path dir = testdata().resolve("loader");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().matches("(ok|bad)-.*\\.(yaml|yml|json)")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    List<Expectation> expected = expectations(new String(bytes, StandardCharsets.ISO_8859_1));
    LoadedFile loaded = new YamlLoader().load(name, bytes);
    List<String> actual = new ArrayList<>();
    for (Diagnostic d : loaded.problems()) {
      actual.add(d.ruleId() + "@" + d.span().startLine());
    }
    List<String> wanted = expected.stream().map(e -> e.ruleId() + "@" + e.line()).toList();
    assertThat(actual).as("findings of %s: %s", name, loaded.problems()).containsExactlyInAnyOrderElementsOf(wanted);
    for (Expectation e : expected) {
      e.text()
          .ifPresent(
              text ->
                  assertThat(loaded.problems())
                      .as("a %s finding at line %d mentioning %s", e.ruleId(), e.line(), text)
                      .anyMatch(
                          d ->
                              d.ruleId().equals(e.ruleId())
                                  && d.span().startLine() == e.line()
                                  && d.message().contains(text)));
    }
    if (name.startsWith("ok-")) {
      assertThat(expected).as("an ok- case has no expectation").isEmpty();
      assertThat(loaded.documents()).isNotEmpty();
    } else {
      assertThat(expected).as("a bad- case has an expectation").isNotEmpty();
    }
  }

  /** Expectations from the raw text, line by line (LF, CR LF or CR), never through the YAML parser. */
  private static List<Expectation> expectations(String raw) {
    String[] lines = raw.split("\r\n|\r|\n", -1);
    List<Expectation> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      int line = i + 1;
      if (m.group(1) != null) {
        line = i + 2;
        while (line - 1 < lines.length && lines[line - 1].strip().startsWith("#")) {
          line++;
        }
      }
      out.add(new Expectation(line, m.group(2), Optional.ofNullable(m.group(3))));
    }
    return out;
  }

  /** The testdata folder: the surefire property, else found walking up from the working directory. */
  private static Path testdata() {
    String property = System.getProperty("istiolint.testdata");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("testdata/loader"))) {
        return dir.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata/ not found: set -Distiolint.testdata=<path>");
  }
}
