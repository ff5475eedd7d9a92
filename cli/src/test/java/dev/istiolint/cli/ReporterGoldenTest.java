package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every {@code testdata/reporters/<case>/input} in every format and compares the bytes with
 * {@code expected.*}; {@code exit-code} holds the exit code, which must be the same for every format.
 * {@code -Distiolint.updateGoldens=true} rewrites the expected files.
 */
class ReporterGoldenTest {

  private static final Map<String, String> FORMATS =
      Map.of("txt", "text", "json", "json", "sarif", "sarif", "github", "github", "junit.xml", "junit");

  private static final boolean UPDATE = Boolean.getBoolean("istiolint.updateGoldens");

  @TestFactory
  Stream<DynamicTest> everyFormatOfEveryCaseMatchesItsGoldenFile() throws IOException {
    Path root = Path.of(Cli.testdata(), "reporters");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> cases = Files.list(root)) {
      for (Path dir : cases.sorted().toList()) {
        for (Map.Entry<String, String> f : FORMATS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
          Path expected = dir.resolve("expected." + f.getKey());
          tests.add(DynamicTest.dynamicTest(dir.getFileName() + " › " + f.getValue(), () -> check(dir, expected, f.getValue())));
        }
      }
    }
    return tests.stream();
  }

  private static void check(Path dir, Path expected, String format) throws IOException {
    String input = Cli.testdata() + "/reporters/" + dir.getFileName() + "/input";
    Cli.Run run = Cli.run("check", "--format", format, "--no-color", input);
    Path exitFile = dir.resolve("exit-code");
    if (UPDATE) {
      Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
      Files.writeString(exitFile, run.code() + "\n", StandardCharsets.UTF_8);
    }
    assertThat(expected).as("golden file (create it with -Distiolint.updateGoldens=true)").exists();
    assertThat(run.out()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isEqualTo(Integer.parseInt(Files.readString(exitFile).strip()));
  }
}
