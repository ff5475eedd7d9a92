package dev.istiolint.core.internal.schema;

import tools.jackson.databind.JsonNode;

/** Shows values in messages: cut to about 80 characters, control characters escaped, types in plain words. */
final class ValueText {

  static final int MAX = 80;

  private ValueText() {}

  /** {@code "abc"} for strings, the literal for numbers and booleans, a short word for lists and maps. */
  static String show(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isString()) {
      return "\"" + cut(n.stringValue()) + "\"";
    }
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isNull()) {
      return "null";
    }
    return cut(n.toString());
  }

  /** The type of a value in plain words, with an article. */
  static String typeOf(JsonNode n) {
    if (n.isString()) {
      return "a string";
    }
    if (n.isIntegralNumber()) {
      return "an integer";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    return "null";
  }

  /** Escapes control, format (bidi) and unpaired surrogate characters and cuts long text, marking the cut with an ellipsis. */
  static String cut(String s) {
    StringBuilder b = new StringBuilder();
    int count = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (count >= MAX) {
        b.append('…');
        break;
      }
      switch (cp) {
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
              || Character.getType(cp) == Character.SURROGATE) { // an unpaired surrogate is not valid text
            b.append(String.format("\\u%04x", cp));
          } else {
            b.appendCodePoint(cp);
          }
        }
      }
      count++;
    }
    return b.toString();
  }
}
