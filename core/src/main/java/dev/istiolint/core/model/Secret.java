package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Kubernetes Secret: its type and the names of its keys ({@code data} and {@code stringData}). Values are never kept. */
public record Secret(
    ResourceRef ref, ObjectMeta metadata, SourceSpan span, Optional<Located<String>> type, List<Located<String>> keys)
    implements Resource {

  public Secret {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(type, "type");
    keys = List.copyOf(keys);
  }

  /** True when a key with this name exists. */
  public boolean hasKey(String key) {
    return keys.stream().anyMatch(k -> k.value().equals(key));
  }
}
