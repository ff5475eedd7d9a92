package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** Kubernetes batch/v1 Job, with its selector and pod template. */
public record Job(
    ResourceRef ref, ObjectMeta metadata, SourceSpan span, Optional<LabelSelector> selector, PodTemplate template)
    implements PodTemplateOwner {

  public Job {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(template, "template");
  }
}
