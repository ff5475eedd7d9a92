package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * A value read from a manifest together with where it was written. Rules report at a {@code Located}, so a finding
 * points at the field the user must change.
 */
public record Located<T>(T value, SourceSpan span) {

  public Located {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
  }

  public static <T> Located<T> of(T value, SourceSpan span) {
    return new Located<>(value, span);
  }
}
