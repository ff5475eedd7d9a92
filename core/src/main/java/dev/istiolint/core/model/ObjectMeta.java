package dev.istiolint.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of Kubernetes {@code metadata} the analyses read. {@code namespace} is the namespace as written; the
 * resource's effective namespace is in its {@link ResourceId}. Maps keep the document's order of keys.
 */
public record ObjectMeta(
    Located<String> name,
    Optional<Located<String>> namespace,
    Map<String, Located<String>> labels,
    Map<String, Located<String>> annotations,
    Optional<String> creationTimestamp) {

  public ObjectMeta {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(creationTimestamp, "creationTimestamp");
  }

  /** Label values without positions, sorted by key. */
  public Map<String, String> labelValues() {
    Map<String, String> out = new TreeMap<>();
    labels.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  public Optional<String> label(String key) {
    return Optional.ofNullable(labels.get(key)).map(Located::value);
  }

  public Optional<String> annotation(String key) {
    return Optional.ofNullable(annotations.get(key)).map(Located::value);
  }
}
