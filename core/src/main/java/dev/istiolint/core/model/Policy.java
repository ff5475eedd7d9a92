package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * Legacy {@code authentication.istio.io/v1alpha1} Policy: targeted when {@code targets} is not empty, else
 * namespace-wide (which Istio requires to be named {@code default}).
 */
public record Policy(ResourceRef ref, ObjectMeta metadata, SourceSpan span, LegacyAuthenticationPolicy spec)
    implements IstioResource {

  public Policy {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(spec, "spec");
  }

  /** True when the policy has no targets (it applies to the whole namespace). */
  public boolean isNamespaceWide() {
    return spec.targets().isEmpty();
  }
}
