package dev.istiolint.core.model;

/**
 * The {@code mode} of a v1alpha1 {@code peers: [{mtls: ...}]} entry. {@code UNSET} when not written, which Istio reads
 * as {@code STRICT} (enum value 0); see {@link LegacyAuthenticationPolicy.MutualTls#effectiveMode()}.
 */
public enum LegacyMtlsMode {
  UNSET,
  STRICT,
  PERMISSIVE
}
