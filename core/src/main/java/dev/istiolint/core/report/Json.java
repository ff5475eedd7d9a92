package dev.istiolint.core.report;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of {@link Map} (insertion order kept), {@link List}, {@link String}, {@link Number}, {@link Boolean}
 * and {@code null} as indented JSON. Deterministic, LF line ends, and always valid UTF-8: control characters (C0, DEL,
 * C1), lone surrogates, the line separators U+2028/U+2029 and bidirectional controls are escaped, so a report shown
 * in a terminal cannot reorder or recolour it.
 */
public final class Json {

  private Json() {}

  /** The JSON text of {@code tree}, ending with a newline. */
  public static String write(Object tree) {
    StringBuilder out = new StringBuilder();
    append(out, tree, "");
    return out.append('\n').toString();
  }

  /**
   * Appends {@code tree} as {@link #write} would write it at a depth where lines start with {@code indent}: for a
   * document written piece by piece, whose whole tree would not fit in memory.
   */
  public static void append(StringBuilder out, Object tree, String indent) {
    value(out, tree, indent);
  }

  /** {@code s} as a JSON string literal, quotes included. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean pairedHigh =
              Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
          if (pairedHigh) {
            out.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029
              || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void value(StringBuilder out, Object v, String indent) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      out.append(quote(s));
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      String inner = indent + "  ";
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.append(inner).append(quote(String.valueOf(e.getKey()))).append(": ");
        value(out, e.getValue(), inner);
        out.append(++i < m.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        out.append("[]");
        return;
      }
      String inner = indent + "  ";
      out.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        out.append(inner);
        value(out, l.get(i), inner);
        out.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }
}
