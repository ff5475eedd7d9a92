package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;

/** A decoded manifest document: a Kubernetes or Istio object, or a generic one of a kind we do not model. */
public interface Resource {

  /** API version and identity. */
  ResourceRef ref();

  /** Name, namespace, labels and annotations with their positions. */
  ObjectMeta metadata();

  /** Where the document starts. */
  SourceSpan span();

  default ResourceId id() {
    return ref().id();
  }

  default String kind() {
    return ref().kind();
  }

  default String namespace() {
    return ref().namespace();
  }

  default String name() {
    return ref().name();
  }

  /** Where a finding about the resource as a whole points: the {@code metadata.name} value. */
  default SourceSpan nameSpan() {
    return metadata().name().span();
  }
}
