package dev.istiolint.core.internal.suppress;

import dev.istiolint.core.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/** The text lines of a source, as suppression comments, fingerprints and reporters see them. */
public final class SourceLines {

  private SourceLines() {}

  /**
   * Splits decoded text on LF, CRLF and CR; a leading byte-order mark is dropped and invalid UTF-8 becomes U+FFFD.
   * A text ending with a line break has an empty last line. The list is immutable and keeps the text once, with the
   * bounds of each line (a result quotes whole files, and one object per line cost several times the text).
   */
  public static List<String> split(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int[] bounds = new int[16];
    int n = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (n + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[n++] = start;
        bounds[n++] = i;
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    // the (possibly empty) last line too: parsers report "end of stream" there
    bounds = Arrays.copyOf(bounds, n + 2);
    bounds[n++] = start;
    bounds[n] = text.length();
    return new Lines(text, bounds);
  }

  /**
   * The lines of the text {@code read} gives, as {@link #split} gives them, read and split when first used: a result
   * has lines for every file with a finding, for reporters that quote them, and most runs (JSON, SARIF without
   * snippets, library callers that only count) never do. No lines when {@code read} gives null (the file changed or
   * is gone). Thread-safe; {@code read} runs at most once.
   */
  public static List<String> readWhenUsed(Supplier<byte[]> read) {
    return new Deferred(Objects.requireNonNull(read, "read"));
  }

  /** {@code lines} as an immutable list: itself when {@link #split} or {@link #readWhenUsed} made it, else a copy. */
  public static List<String> copyOf(List<String> lines) {
    return lines instanceof Lines || lines instanceof Deferred ? lines : List.copyOf(lines);
  }

  /** The text of the span's first line, or empty. */
  public static String line(Map<String, List<String>> lines, SourceSpan span) {
    List<String> text = lines.get(span.file());
    return text == null || span.startLine() > text.size() ? "" : text.get(span.startLine() - 1);
  }

  /** Lines read and split on first use. */
  private static final class Deferred extends AbstractList<String> implements RandomAccess {
    private Supplier<byte[]> read;
    private volatile List<String> lines;

    Deferred(Supplier<byte[]> read) {
      this.read = read;
    }

    private List<String> lines() {
      List<String> l = lines;
      if (l == null) {
        synchronized (this) {
          l = lines;
          if (l == null) {
            byte[] bytes = read.get();
            l = bytes == null ? List.of() : split(bytes);
            lines = l;
            read = null;
          }
        }
      }
      return l;
    }

    @Override
    public String get(int index) {
      return lines().get(index);
    }

    @Override
    public int size() {
      return lines().size();
    }
  }

  /** The lines of one text: line {@code i} runs from {@code bounds[2i]} to {@code bounds[2i + 1]}. */
  private static final class Lines extends AbstractList<String> implements RandomAccess {
    private final String text;
    private final int[] bounds;

    Lines(String text, int[] bounds) {
      this.text = text;
      this.bounds = bounds;
    }

    @Override
    public String get(int index) {
      return text.substring(bounds[2 * index], bounds[2 * index + 1]);
    }

    @Override
    public int size() {
      return bounds.length / 2;
    }
  }
}
