package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * A value read from a manifest together with where it was written. Rules report at a {@code Located}, so a finding
 * points at the field the user must change.
 *
 * <p>The model holds one {@code Located} per field of every resource, so it keeps its span's positions packed in
 * itself (32 bytes in all instead of 24 plus a 32-byte span) and makes the {@link SourceSpan} when asked. A span whose
 * positions do not fit the packed form is kept as given. Equality, hash code and text are those of the record {@code
 * Located(T value, SourceSpan span)} this class replaced.
 */
public final class Located<T> {

  // packed positions: start line (24 bits), start column (14), end line - start line (10), end column (15)
  private static final int START_LINE_BITS = 24;
  private static final int START_COLUMN_BITS = 14;
  private static final int LINES_BITS = 10;
  private static final int END_COLUMN_BITS = 15;

  private final T value;
  /** The file (positions in {@link #packed}) or, for positions that do not fit, the span itself. */
  private final Object where;

  private final long packed;

  public Located(T value, SourceSpan span) {
    this.value = Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
    long p = pack(span);
    this.where = p < 0 ? span : span.file();
    this.packed = p;
  }

  public static <T> Located<T> of(T value, SourceSpan span) {
    return new Located<>(value, span);
  }

  public T value() {
    return value;
  }

  public SourceSpan span() {
    if (packed < 0) {
      return (SourceSpan) where;
    }
    return new SourceSpan((String) where, startLine(), startColumn(), endLine(), endColumn());
  }

  /** The packed positions, or -1 when they do not fit. */
  private static long pack(SourceSpan s) {
    long lines = (long) s.endLine() - s.startLine();
    if (!fits(s.startLine(), START_LINE_BITS)
        || !fits(s.startColumn(), START_COLUMN_BITS)
        || !fits(lines, LINES_BITS)
        || !fits(s.endColumn(), END_COLUMN_BITS)) {
      return -1;
    }
    return s.startLine()
        | (long) s.startColumn() << START_LINE_BITS
        | lines << (START_LINE_BITS + START_COLUMN_BITS)
        | (long) s.endColumn() << (START_LINE_BITS + START_COLUMN_BITS + LINES_BITS);
  }

  private static boolean fits(long v, int bits) {
    return v >= 0 && v < 1L << bits;
  }

  private int startLine() {
    return field(0, START_LINE_BITS);
  }

  private int startColumn() {
    return field(START_LINE_BITS, START_COLUMN_BITS);
  }

  private int endLine() {
    return startLine() + field(START_LINE_BITS + START_COLUMN_BITS, LINES_BITS);
  }

  private int endColumn() {
    return field(START_LINE_BITS + START_COLUMN_BITS + LINES_BITS, END_COLUMN_BITS);
  }

  private int field(int shift, int bits) {
    return (int) ((packed >>> shift) & ((1L << bits) - 1));
  }

  /** Equal values at equal spans (a span has one form: packed when it fits, kept otherwise). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Located<?> other
            && packed == other.packed
            && value.equals(other.value)
            && where.equals(other.where));
  }

  /** The record's hash code, {@code 31 * hash(value) + hash(span)}, so hash-ordered collections iterate as before. */
  @Override
  public int hashCode() {
    return 31 * value.hashCode() + spanHash();
  }

  /** {@code span().hashCode()} without making the span (the record's: each component folded in as h * 31 + c). */
  private int spanHash() {
    if (packed < 0) {
      return where.hashCode();
    }
    int h = where.hashCode();
    h = h * 31 + startLine();
    h = h * 31 + startColumn();
    h = h * 31 + endLine();
    return h * 31 + endColumn();
  }

  @Override
  public String toString() {
    return "Located[value=" + value + ", span=" + span() + "]";
  }
}
