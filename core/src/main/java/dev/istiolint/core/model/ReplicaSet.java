package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** Kubernetes apps/v1 ReplicaSet, with its selector and pod template. */
public record ReplicaSet(
    ResourceRef ref, ObjectMeta metadata, SourceSpan span, Optional<LabelSelector> selector, PodTemplate template)
    implements PodTemplateOwner {

  public ReplicaSet {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(template, "template");
  }
}
