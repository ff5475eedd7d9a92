package dev.istiolint.cli.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.decode.ResourceDecoder;
import dev.istiolint.core.internal.schema.SchemaValidator;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for schema validation and decoding, YAML text in: every document the loader accepts is validated and
 * decoded into a typed resource without an exception, and every finding is well formed.
 */
class DecoderFuzzTest {

  private static final YamlLoader LOADER = new YamlLoader();
  private static final SchemaValidator VALIDATOR = new SchemaValidator("default");
  private static final ResourceDecoder DECODER = new ResourceDecoder("default");

  @FuzzTest(maxDuration = "10m")
  void decoderNeverThrows(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    LoadedFile loaded = LOADER.load("fuzz.yaml", text.getBytes(StandardCharsets.UTF_8));
    for (YDocument doc : loaded.documents()) {
      for (Diagnostic d : VALIDATOR.validate(doc).findings()) {
        FuzzChecks.wellFormed(d);
      }
      for (Diagnostic d : DECODER.decode(doc).problems()) {
        FuzzChecks.wellFormed(d);
      }
    }
  }
}
