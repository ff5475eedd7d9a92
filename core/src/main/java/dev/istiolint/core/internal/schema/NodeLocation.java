package dev.istiolint.core.internal.schema;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one node of a converted document was written: the span of its value and, for a mapping member, the span of
 * its key.
 */
record NodeLocation(Optional<SourceSpan> key, SourceSpan value) {

  NodeLocation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** The key when there is one (where a field is named), else the value. */
  SourceSpan keyOrValue() {
    return key.orElse(value);
  }
}
