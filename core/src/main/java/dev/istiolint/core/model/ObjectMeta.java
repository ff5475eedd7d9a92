package dev.istiolint.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of Kubernetes {@code metadata} the analyses read. {@code namespace} is the namespace as written; the
 * resource's effective namespace is in its {@link ResourceId}. The label and annotation maps have no defined order
 * (iterate them sorted, or through {@link #labelValues()}, wherever order reaches the output).
 */
public final class ObjectMeta {

  private final Located<String> name;
  private final Located<String> namespace;
  private final Map<String, Located<String>> labels;
  private final Map<String, Located<String>> annotations;
  private final String creationTimestamp;

  public ObjectMeta(
      Located<String> name,
      Optional<Located<String>> namespace,
      Map<String, Located<String>> labels,
      Map<String, Located<String>> annotations,
      Optional<String> creationTimestamp) {
    this.name = Objects.requireNonNull(name, "name");
    this.namespace = namespace.orElse(null);
    this.labels = Map.copyOf(labels);
    this.annotations = Map.copyOf(annotations);
    this.creationTimestamp = creationTimestamp.orElse(null);
  }

  public Located<String> name() {
    return name;
  }

  public Optional<Located<String>> namespace() {
    return Optional.ofNullable(namespace);
  }

  public Map<String, Located<String>> labels() {
    return labels;
  }

  public Map<String, Located<String>> annotations() {
    return annotations;
  }

  public Optional<String> creationTimestamp() {
    return Optional.ofNullable(creationTimestamp);
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof ObjectMeta other
        && name.equals(other.name)
        && Objects.equals(namespace, other.namespace)
        && labels.equals(other.labels)
        && annotations.equals(other.annotations)
        && Objects.equals(creationTimestamp, other.creationTimestamp);
  }

  /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
  @Override
  public int hashCode() {
    int h = 0;
    h = h * 31 + name.hashCode();
    h = h * 31 + Objects.hashCode(namespace);
    h = h * 31 + labels.hashCode();
    h = h * 31 + annotations.hashCode();
    h = h * 31 + Objects.hashCode(creationTimestamp);
    return h;
  }

  @Override
  public String toString() {
    return "ObjectMeta["
        + "name=" + name
        + ", namespace=" + namespace()
        + ", labels=" + labels
        + ", annotations=" + annotations
        + ", creationTimestamp=" + creationTimestamp()
        + "]";
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
