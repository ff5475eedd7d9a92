package dev.istiolint.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YamlLoader;

/**
 * Fuzz target for the loader, bytes in: whatever the bytes, loading returns documents and findings (never throws),
 * every finding has a 1-based position, and its message is safe to print. Regression mode (every build) replays the
 * seeds under {@code LoaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see the README, "Hostile input").
 */
class LoaderFuzzTest {

  private static final YamlLoader LOADER = new YamlLoader();

  @FuzzTest(maxDuration = "10m")
  void loaderNeverThrows(byte[] input) {
    LoadedFile loaded = LOADER.load("fuzz.yaml", input);
    for (Diagnostic d : loaded.problems()) {
      FuzzChecks.wellFormed(d);
    }
    assertThat(loaded.documents()).allSatisfy(doc -> assertThat(doc.root().span().startLine()).isPositive());
  }
}
