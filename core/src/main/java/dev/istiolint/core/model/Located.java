package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * A value read from a manifest together with where it was written. Rules report at a {@code Located}, so a finding
 * points at the field the user must change.
 *
 * <p>The model holds one {@code Located} per field of every resource, so it keeps its span's positions packed in
 * itself (32 bytes in all instead of 24 plus a 32-byte span, see {@link PackedSpan}) and makes the {@link SourceSpan}
 * when asked. Equality, hash code and text are those of the record {@code Located(T value, SourceSpan span)} this
 * class replaced.
 */
public final class Located<T> {

  private final T value;
  /** The file (positions in {@link #packed}) or, for positions that do not fit, the span itself. */
  private final Object where;

  private final long packed;

  public Located(T value, SourceSpan span) {
    this.value = Objects.requireNonNull(value, "value");
    this.packed = PackedSpan.pack(Objects.requireNonNull(span, "span"));
    this.where = PackedSpan.where(span, packed);
  }

  public static <T> Located<T> of(T value, SourceSpan span) {
    return new Located<>(value, span);
  }

  public T value() {
    return value;
  }

  public SourceSpan span() {
    return PackedSpan.unpack(where, packed);
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
    return 31 * value.hashCode() + PackedSpan.hash(where, packed);
  }

  @Override
  public String toString() {
    return "Located[value=" + value + ", span=" + span() + "]";
  }
}
