package dev.istiolint.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a folder of fixtures with inline expectations into dynamic tests: one per {@code .yaml}, {@code .yml} or
 * {@code .json} file, each analysed alone and compared strictly with its expectations.
 */
public final class FixtureRunner {

  private static final Pattern VERSION = Pattern.compile("(?m)^#\\s*istio-version:\\s*(\\S+)\\s*$");

  private FixtureRunner() {}

  /** The expectations of a fixture: its comments, or for JSON its {@code .expect} sidecar. */
  public static Expectations expectationsFor(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      Path sidecar = file.resolveSibling(file.getFileName() + ".expect");
      return Files.exists(sidecar) ? Expectations.parseSidecar(read(sidecar)) : Expectations.parseSidecar("");
    }
    return Expectations.parseComments(read(file));
  }

  /** The Istio version a YAML fixture asks for with a {@code # istio-version: 1.4} comment line, if any. */
  public static Optional<IstioVersion> declaredVersion(Path file) {
    Matcher m = VERSION.matcher(read(file));
    return m.find() ? IstioVersion.parse(m.group(1)) : Optional.empty();
  }

  /** The fixture files directly in {@code folder}, in name order. */
  public static List<Path> fixtures(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One dynamic test per fixture in {@code folder}; {@code analyse} returns the findings on that file. */
  public static Stream<DynamicTest> tests(
      String prefix, Path folder, Function<Path, List<Diagnostic>> analyse) {
    return fixtures(folder).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    prefix + " › " + file.getFileName(),
                    file.toUri(),
                    () -> {
                      Expectations expected = expectationsFor(file);
                      String name = file.getFileName().toString();
                      if (name.startsWith("ok-") && !expected.isEmpty()) {
                        fail(name + " is an ok- fixture but has expectations");
                      }
                      if (name.startsWith("bad-") && expected.isEmpty()) {
                        fail(name + " is a bad- fixture without expectations");
                      }
                      List<Diagnostic> findings = analyse.apply(file);
                      findings.stream()
                          .filter(d -> d.rule().equals(CoreRules.INTERNAL_ERROR))
                          .findFirst()
                          .ifPresent(d -> fail(name + ": internal error: " + d));
                      expected.compare(findings).ifPresent(diff -> fail(name + ":\n" + diff));
                    }));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
