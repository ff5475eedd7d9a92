package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;

/** A sequence, in document order. */
public record YSeq(List<YNode> items, SourceSpan span) implements YNode {

  public YSeq {
    items = List.copyOf(items);
    Objects.requireNonNull(span, "span");
  }
}
