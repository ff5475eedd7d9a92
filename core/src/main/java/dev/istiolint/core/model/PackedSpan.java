package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;

/**
 * A {@link SourceSpan} kept as its file and one {@code long} of positions, for the model types held by the thousand:
 * 12 bytes in the holder instead of a 4-byte reference to a 32-byte span. The positions pack as start line (24 bits),
 * start column (14), end line minus start line (10) and end column (15); a span that does not fit is kept as given.
 * Each span has one form, so two packed spans are equal exactly when their files and {@code long}s are.
 *
 * <p>A holder keeps {@link #where} (the file, or the span itself) and {@link #pack} (negative when not packed).
 */
final class PackedSpan {

  private static final int START_LINE_BITS = 24;
  private static final int START_COLUMN_BITS = 14;
  private static final int LINES_BITS = 10;
  private static final int END_COLUMN_BITS = 15;
  private static final int START_COLUMN_SHIFT = START_LINE_BITS;
  private static final int LINES_SHIFT = START_COLUMN_SHIFT + START_COLUMN_BITS;
  private static final int END_COLUMN_SHIFT = LINES_SHIFT + LINES_BITS;

  private PackedSpan() {}

  /** The packed positions, or -1 when they do not fit. */
  static long pack(SourceSpan s) {
    long lines = (long) s.endLine() - s.startLine();
    if (!fits(s.startLine(), START_LINE_BITS)
        || !fits(s.startColumn(), START_COLUMN_BITS)
        || !fits(lines, LINES_BITS)
        || !fits(s.endColumn(), END_COLUMN_BITS)) {
      return -1;
    }
    return s.startLine()
        | (long) s.startColumn() << START_COLUMN_SHIFT
        | lines << LINES_SHIFT
        | (long) s.endColumn() << END_COLUMN_SHIFT;
  }

  /** What the holder keeps besides {@code packed}: the file when packed, else the span. */
  static Object where(SourceSpan s, long packed) {
    return packed < 0 ? s : s.file();
  }

  static SourceSpan unpack(Object where, long packed) {
    if (packed < 0) {
      return (SourceSpan) where;
    }
    int startLine = field(packed, 0, START_LINE_BITS);
    return new SourceSpan(
        (String) where,
        startLine,
        field(packed, START_COLUMN_SHIFT, START_COLUMN_BITS),
        startLine + field(packed, LINES_SHIFT, LINES_BITS),
        field(packed, END_COLUMN_SHIFT, END_COLUMN_BITS));
  }

  /** {@code unpack(where, packed).hashCode()} without making the span (the record's: h * 31 + each component). */
  static int hash(Object where, long packed) {
    if (packed < 0) {
      return where.hashCode();
    }
    int startLine = field(packed, 0, START_LINE_BITS);
    int h = where.hashCode();
    h = h * 31 + startLine;
    h = h * 31 + field(packed, START_COLUMN_SHIFT, START_COLUMN_BITS);
    h = h * 31 + startLine + field(packed, LINES_SHIFT, LINES_BITS);
    return h * 31 + field(packed, END_COLUMN_SHIFT, END_COLUMN_BITS);
  }

  private static boolean fits(long v, int bits) {
    return v >= 0 && v < 1L << bits;
  }

  private static int field(long packed, int shift, int bits) {
    return (int) ((packed >>> shift) & ((1L << bits) - 1));
  }
}
