package dev.istiolint.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The parser's 0-based marks become 1-based positions in exactly one place: {@code EventComposer.span}. */
class MarkConversionTest {

  @Test
  void onlyTheComposerReadsParserMarks() throws IOException {
    Path sources = Path.of("src/main/java");
    assumeTrue(Files.isDirectory(sources), "run from the core module folder");
    List<String> users = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (Files.readString(f).contains("org.snakeyaml.engine.v2.exceptions.Mark;")) {
          users.add(f.getFileName().toString());
        }
      }
    }
    assertThat(users).containsExactly("EventComposer.java");
    String composer = Files.readString(sources.resolve("dev/istiolint/core/internal/yaml/EventComposer.java"));
    assertThat(occurrences(composer, ".getLine()")).isEqualTo(2);
    assertThat(occurrences(composer, ".getColumn()")).isEqualTo(2);
    int method = composer.indexOf("private SourceSpan span(Optional<Mark> start, Optional<Mark> end)");
    assertThat(method).isPositive();
    int next = composer.indexOf("\n  private ", method + 1);
    assertThat(composer.indexOf(".getLine()")).isBetween(method, next);
    assertThat(composer.lastIndexOf(".getColumn()")).isBetween(method, next);
  }

  private static int occurrences(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
