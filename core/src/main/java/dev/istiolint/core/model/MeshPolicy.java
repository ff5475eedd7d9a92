package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/** Legacy cluster-scoped {@code authentication.istio.io/v1alpha1} MeshPolicy; Istio only uses the one named {@code default}. */
public record MeshPolicy(ResourceRef ref, ObjectMeta metadata, SourceSpan span, LegacyAuthenticationPolicy spec)
    implements IstioResource {

  public MeshPolicy {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(spec, "spec");
  }
}
