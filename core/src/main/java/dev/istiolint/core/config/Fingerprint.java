package dev.istiolint.core.config;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity that survives edits elsewhere in the file: rule id, resource, message and the reported line's
 * text with its whitespace collapsed, but not the line number. Used by baselines and by SARIF's
 * {@code partialFingerprints}.
 */
public final class Fingerprint {

  private Fingerprint() {}

  /** 16 hex digits of a SHA-256 over the parts that identify {@code d}; {@code lineText} may be empty. */
  public static String of(Diagnostic d, String lineText) {
    String key =
        d.ruleId()
            + '\n'
            + d.resource().map(ResourceRef::toString).orElse("")
            + '\n'
            + d.message()
            + '\n'
            + lineText.strip().replaceAll("\\s+", " ");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
