package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio's own samples are valid manifests: validating them must give no schema error, except on files listed here
 * with the reason they really are invalid. Skipped when the reference corpus is absent.
 */
class ReferenceSamplesTest {

  /** Sample files that really are invalid, with the reason. None so far. */
  private static final Map<String, String> KNOWN_INVALID = Map.of();

  @ParameterizedTest(name = "{0} validated for Istio {1}")
  @CsvSource({"samples, 1.28", "samples-1.0, 1.0"})
  void istioSamplesHaveNoSchemaErrors(String folder, String version) throws IOException {
    Optional<Path> reference = TestData.reference();
    assumeTrue(reference.isPresent(), "no ../shared/reference on this machine");
    Path root = reference.get().resolve("istio");
    assumeTrue(Files.isDirectory(root.resolve(folder)), "no " + folder + " in the reference corpus");
    IstioVersion istio = IstioVersion.parse(version).orElseThrow();

    SchemaValidator validator = new SchemaValidator("default");
    YamlLoader loader = new YamlLoader();
    Map<String, List<String>> errors = new TreeMap<>();
    int validated = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    for (Path file : files) {
      String display = root.relativize(file).toString().replace('\\', '/');
      LoadedFile loaded = loader.load(display, Files.readAllBytes(file));
      for (YDocument doc : loaded.documents()) {
        SchemaValidator.Validation v = validator.validate(doc);
        List<Diagnostic> all = new ArrayList<>(v.findings());
        v.versioned().stream().filter(d -> d.appliesTo(istio)).forEach(d -> all.add(d.diagnostic()));
        if (!v.findings().isEmpty() || !v.versioned().isEmpty() || validatesKind(doc)) {
          validated++;
        }
        all.stream()
            .filter(d -> d.severity() == Severity.ERROR)
            .forEach(d -> errors.computeIfAbsent(display, k -> new ArrayList<>()).add(d.toString()));
      }
    }
    errors.keySet().removeAll(KNOWN_INVALID.keySet());
    assertThat(errors).as("schema errors in " + folder).isEmpty();
    assertThat(validated).as("documents of a validated kind in " + folder).isGreaterThan(50);
    assertThat(validator.refusedReferences()).isEmpty();
  }

  private static boolean validatesKind(YDocument doc) {
    if (doc.root() instanceof dev.istiolint.core.internal.yaml.YMap m) {
      String api = m.get("apiVersion").map(n -> n instanceof dev.istiolint.core.internal.yaml.YScalar s ? s.value() : "").orElse("");
      String kind = m.get("kind").map(n -> n instanceof dev.istiolint.core.internal.yaml.YScalar s ? s.value() : "").orElse("");
      return SchemaCatalog.schemaFor(api, kind).isPresent();
    }
    return false;
  }
}
