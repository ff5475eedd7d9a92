package dev.istiolint.rules.config;

import java.util.Optional;

/**
 * Reads top-level fields of a JSON object held as text (Helm values stored in a ConfigMap), without a JSON library:
 * the rules module depends on core only.
 */
final class JsonText {

  private JsonText() {}

  /** The text of the object value of a top-level {@code key} of {@code object}. */
  static Optional<String> object(String object, String key) {
    int at = topLevelValue(object, key);
    if (at < 0 || object.charAt(at) != '{') {
      return Optional.empty();
    }
    int end = matching(object, at);
    return end < 0 ? Optional.empty() : Optional.of(object.substring(at, end + 1));
  }

  /** The string value of a top-level {@code key} of {@code object}. */
  static Optional<String> string(String object, String key) {
    int at = topLevelValue(object, key);
    if (at < 0 || object.charAt(at) != '"') {
      return Optional.empty();
    }
    int end = object.indexOf('"', at + 1);
    return end < 0 ? Optional.empty() : Optional.of(object.substring(at + 1, end));
  }

  /** Where the value of {@code "key":} starts, at depth 1 of the outermost object; -1 when absent. */
  private static int topLevelValue(String s, String key) {
    int depth = 0;
    boolean quoted = false;
    String needle = "\"" + key + "\"";
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
        continue;
      }
      if (c == '"') {
        if (depth == 1 && s.startsWith(needle, i)) {
          int j = i + needle.length();
          while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
          }
          if (j < s.length() && s.charAt(j) == ':') {
            j++;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
              j++;
            }
            return j < s.length() ? j : -1;
          }
        }
        quoted = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return -1;
  }

  /** The index of the bracket closing the one at {@code open}. */
  private static int matching(String s, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
