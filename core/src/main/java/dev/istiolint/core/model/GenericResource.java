package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/** A resource of a kind istio-lint does not model. Kept and counted, never dropped without a trace. */
public record GenericResource(ResourceRef ref, ObjectMeta metadata, SourceSpan span) implements Resource {

  public GenericResource {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
  }
}
