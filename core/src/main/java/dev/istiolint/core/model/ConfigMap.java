package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes ConfigMap: {@code data} entries and {@code binaryData} keys. For a ConfigMap named {@code istio} (or
 * {@code istio-<revision>}) the {@code data.mesh} string is parsed into {@link #meshConfig()}, with positions mapped to
 * the lines of the ConfigMap.
 */
public record ConfigMap(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Map<String, Located<String>> data,
    List<Located<String>> binaryDataKeys,
    Optional<MeshConfig> meshConfig)
    implements Resource {

  public ConfigMap {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    data = Map.copyOf(data);
    binaryDataKeys = List.copyOf(binaryDataKeys);
    Objects.requireNonNull(meshConfig, "meshConfig");
  }
}
