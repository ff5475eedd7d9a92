package dev.istiolint.core.diag;

import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** Another place that takes part in a finding, for example the policy on the other side of a TLS conflict. */
public record RelatedLocation(SourceSpan span, String message, Optional<ResourceRef> resource) {

  public RelatedLocation {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(resource, "resource");
  }

  public static RelatedLocation of(SourceSpan span, String message, ResourceRef resource) {
    return new RelatedLocation(span, message, Optional.of(resource));
  }

  public static RelatedLocation of(SourceSpan span, String message) {
    return new RelatedLocation(span, message, Optional.empty());
  }
}
