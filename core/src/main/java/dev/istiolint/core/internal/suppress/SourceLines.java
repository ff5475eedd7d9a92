package dev.istiolint.core.internal.suppress;

import dev.istiolint.core.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The text lines of a source, as suppression comments, fingerprints and reporters see them. */
public final class SourceLines {

  private SourceLines() {}

  /**
   * Splits decoded text on LF, CRLF and CR; a leading byte-order mark is dropped and invalid UTF-8 becomes U+FFFD.
   * A text ending with a line break has an empty last line.
   */
  public static List<String> split(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    // the (possibly empty) last line too: parsers report "end of stream" there
    out.add(text.substring(start));
    return out;
  }

  /** The text of the span's first line, or empty. */
  public static String line(Map<String, List<String>> lines, SourceSpan span) {
    List<String> text = lines.get(span.file());
    return text == null || span.startLine() > text.size() ? "" : text.get(span.startLine() - 1);
  }
}
