package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping with scalar keys, in document order. Duplicate keys were reported by the loader, which keeps the first
 * one; merge keys ({@code <<}) are expanded by the loader, so the entries are the mapping as Kubernetes reads it.
 */
public record YMap(List<Entry> entries, SourceSpan span) implements YNode {

  /** One key and its value. */
  public record Entry(YScalar key, YNode value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  public YMap {
    entries = List.copyOf(entries);
    Objects.requireNonNull(span, "span");
  }

  /** The entry with this key, if any. */
  public Optional<Entry> entry(String key) {
    for (int i = 0; i < entries.size(); i++) { // indexed: no iterator per lookup
      Entry e = entries.get(i);
      if (e.key().value().equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The value for this key, if any. */
  public Optional<YNode> get(String key) {
    return entry(key).map(Entry::value);
  }
}
