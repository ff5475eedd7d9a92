package dev.istiolint.core.internal.yaml;

/**
 * Makes a value from the input safe to echo in a message: control, bidi and separator characters escaped, lone
 * surrogates escaped, and long values cut.
 */
public final class Snippet {

  /** The default number of code points echoed before a value is cut. */
  public static final int DEFAULT_MAX = 80;

  private Snippet() {}

  /** {@code raw} escaped and cut to {@link #DEFAULT_MAX} code points. */
  public static String of(String raw) {
    return of(raw, DEFAULT_MAX);
  }

  /** {@code raw} escaped and cut to {@code max} code points (an ellipsis marks the cut). */
  public static String of(String raw, int max) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), max) + 8);
    int count = 0;
    for (int i = 0; i < raw.length(); ) {
      if (count == max) {
        out.append('\u2026');
        break;
      }
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      count++;
      switch (cp) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(cp)) {
            out.append(String.format("\\u%04X", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(int cp) {
    return cp < 0x20
        || (cp >= 0x7F && cp <= 0x9F)
        || (cp >= 0x200E && cp <= 0x200F)
        || (cp >= 0x2028 && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0xFEFF
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
  }
}
