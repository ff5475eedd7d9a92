package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/** Kubernetes Pod; its template is its own metadata and spec. */
public record Pod(ResourceRef ref, ObjectMeta metadata, SourceSpan span, PodTemplate template)
    implements PodTemplateOwner {

  public Pod {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(template, "template");
  }
}
