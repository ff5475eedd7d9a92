package dev.istiolint.rules.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.model.IstioVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The TLS rules over every case of {@code testdata/tls/} (inline {@code # expect:} findings, strict), and over every
 * {@code testdata/rules/TLS…/} fixture with only that rule enabled.
 */
class TlsCaseFindingsTest {

  @TestFactory
  Stream<DynamicTest> everyTlsCaseReportsExactlyTheExpectedFindings() throws IOException {
    Path dir = TlsFixtures.testdata().resolve("tls");
    List<Path> cases;
    try (Stream<Path> s = Files.list(dir)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest("tls › " + c.getFileName(), () -> runCase(c)));
  }

  private static void runCase(Path c) throws IOException {
    Path gap = c.resolve("KNOWN-GAP");
    assumeTrue(!Files.exists(gap), () -> "KNOWN-GAP: " + firstLine(gap));
    Optional<IstioVersion> version = Optional.empty();
    for (String line : Files.readAllLines(c.resolve("routes.expect"), StandardCharsets.UTF_8)) {
      if (line.startsWith("istio-version:")) {
        version = IstioVersion.parse(line.substring("istio-version:".length()).strip());
      }
    }
    LintResult result = TlsFixtures.lint(c, TlsFixtures.tlsRules(), version);
    assertThat(TlsFixtures.compare(c, result, "TLS")).as("findings of %s", c.getFileName()).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyTlsRuleFixtureReportsExactlyTheExpectedFindings() throws IOException {
    Path rulesDir = TlsFixtures.testdata().resolve("rules");
    if (!Files.isDirectory(rulesDir)) {
      return Stream.empty();
    }
    List<Path> fixtures;
    try (Stream<Path> s = Files.list(rulesDir)) {
      fixtures = s.filter(p -> p.getFileName().toString().startsWith("TLS")).sorted()
          .flatMap(TlsCaseFindingsTest::children).toList();
    }
    return fixtures.stream().map(f -> DynamicTest.dynamicTest(
        f.getParent().getFileName() + " › " + f.getFileName(), () -> runFixture(f)));
  }

  private static Stream<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void runFixture(Path f) {
    String id = f.getParent().getFileName().toString();
    Optional<IstioVersion> version = Optional.empty();
    LintResult result = TlsFixtures.lint(
        f, TlsFixtures.tlsRules().stream().filter(r -> r.meta().id().equals(id)).toList(), version);
    List<TlsFixtures.Expected> expected = TlsFixtures.expectations(f);
    if (f.getFileName().toString().startsWith("bad-")) {
      assertThat(expected).as("a bad- fixture needs an expectation").isNotEmpty();
    } else {
      assertThat(expected).as("an ok- fixture has no expectation").isEmpty();
    }
    assertThat(TlsFixtures.compare(f, result, id)).as("findings of %s", f).isEmpty();
  }

  private static String firstLine(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8).stream().findFirst().orElse("known gap");
    } catch (IOException e) {
      return "known gap";
    }
  }
}
