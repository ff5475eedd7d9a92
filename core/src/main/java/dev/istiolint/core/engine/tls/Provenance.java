package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * The resource and field that decided one side of a route.
 *
 * @param resource the resource
 * @param span where the deciding field is written
 * @param field the field, for example {@code trafficPolicy.tls.mode} or {@code mtls.mode}
 */
public record Provenance(ResourceRef resource, SourceSpan span, String field) {

  public Provenance {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(field, "field");
  }

  static Provenance of(Resource r, SourceSpan span, String field) {
    return new Provenance(r.ref(), span, field);
  }

  /** {@code Kind namespace/name (file:line)}, the form explanations use. */
  public String describe() {
    return resource.id() + " (" + span.file() + ":" + span.startLine() + ")";
  }

  /** {@code file:line}. */
  public String location() {
    return span.file() + ":" + span.startLine();
  }
}
