package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code install.istio.io/v1alpha1} IstioOperator: profile, revision, {@code spec.meshConfig} and the 1.4/1.5 Helm
 * values {@code values.global.mtls.auto} / {@code values.global.mtls.enabled}.
 */
public record IstioOperator(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<Located<String>> profile,
    Optional<Located<String>> revision,
    Optional<MeshConfig> meshConfig,
    Optional<Located<Boolean>> valuesGlobalMtlsAuto,
    Optional<Located<Boolean>> valuesGlobalMtlsEnabled)
    implements IstioResource {

  public IstioOperator {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(meshConfig, "meshConfig");
    Objects.requireNonNull(valuesGlobalMtlsAuto, "valuesGlobalMtlsAuto");
    Objects.requireNonNull(valuesGlobalMtlsEnabled, "valuesGlobalMtlsEnabled");
  }
}
