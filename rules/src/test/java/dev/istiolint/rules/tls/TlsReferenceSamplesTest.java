package dev.istiolint.rules.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.diag.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Istio's own samples are correct configurations: the TLS rules must report no error on them. */
class TlsReferenceSamplesTest {

  @Test
  void istioSamplesHaveNoTlsErrors() {
    String ref = System.getProperty("istiolint.reference");
    assumeTrue(ref != null, "no reference corpus configured");
    Path samples = Path.of(ref, "istio", "samples");
    assumeTrue(Files.isDirectory(samples), "reference corpus not present");
    LintResult result = TlsFixtures.lint(samples, TlsFixtures.tlsRules(), Optional.empty());
    assertThat(result.findings())
        .filteredOn(d -> d.ruleId().startsWith("TLS") || d.ruleId().equals("LINT001"))
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .isEmpty();
  }
}
