package dev.istiolint.core.internal.schema;

import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.rule.CoreRules;
import java.util.Set;

/**
 * Finds unquoted words that YAML 1.2 (and istio-lint) reads as strings but Kubernetes, whose YAML reader follows YAML
 * 1.1, reads as booleans: {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n}.
 */
final class Yaml11Values {

  private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON");
  private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF");

  private Yaml11Values() {}

  static boolean isYaml11Boolean(String text) {
    int n = text.length();
    if (n == 0 || n > 3 || "yYnNoO".indexOf(text.charAt(0)) < 0) {
      return false;
    }
    return TRUE.contains(text) || FALSE.contains(text);
  }

  /** Reports the plain keys and values the converter found to be YAML 1.1 booleans. */
  static void check(TreeConverter.Converted c, DocumentFindings out) {
    for (TreeConverter.Yaml11 y : c.yaml11()) {
      YScalar s = y.scalar();
      boolean key = y.key();
      String pointer = y.pointer();
      String meaning = TRUE.contains(s.value()) ? "true" : "false";
      String message =
          (key ? "the key `" : "`")
              + s.value()
              + "` is a string in YAML 1.2 but Kubernetes (YAML 1.1) reads it as the boolean "
              + meaning
              + "; write \""
              + s.value()
              + "\" for text"
              + (key ? "" : " or " + meaning + " for a boolean");
      out.report(CoreRules.SCHEMA_YAML11_VALUE, pointer, key, message);
    }
  }
}
