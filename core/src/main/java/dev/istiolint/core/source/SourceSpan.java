package dev.istiolint.core.source;

import java.util.Objects;

/**
 * A region of a source file. Lines and columns are 1-based; columns count Unicode code points. {@code file} is the
 * display path of the file: relative to the working directory, with {@code /} separators.
 *
 * <p>The YAML loader is the only place that converts the parser's 0-based marks into a span.
 */
public record SourceSpan(String file, int startLine, int startColumn, int endLine, int endColumn)
    implements Comparable<SourceSpan> {

  public SourceSpan {
    Objects.requireNonNull(file, "file");
    if (startLine < 1 || startColumn < 1) {
      throw new IllegalArgumentException("1-based start expected: " + startLine + ":" + startColumn);
    }
    if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
      throw new IllegalArgumentException(
          "end " + endLine + ":" + endColumn + " before start " + startLine + ":" + startColumn);
    }
  }

  /** A span of one position. */
  public static SourceSpan at(String file, int line, int column) {
    return new SourceSpan(file, line, column, line, column);
  }

  /** The start of a file, for problems that concern the file as a whole. */
  public static SourceSpan startOf(String file) {
    return at(file, 1, 1);
  }

  /** This span's start, as a span of one position. */
  public SourceSpan start() {
    return at(file, startLine, startColumn);
  }

  /** The same region in another file (for in-memory sources renamed by the caller). */
  public SourceSpan withFile(String newFile) {
    return new SourceSpan(newFile, startLine, startColumn, endLine, endColumn);
  }

  @Override
  public int compareTo(SourceSpan o) {
    int c = file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(startLine, o.startLine);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(startColumn, o.startColumn);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(endLine, o.endLine);
    return c != 0 ? c : Integer.compare(endColumn, o.endColumn);
  }

  /** {@code file:line:column}, the form editors and terminals link. */
  @Override
  public String toString() {
    return file + ":" + startLine + ":" + startColumn;
  }
}
