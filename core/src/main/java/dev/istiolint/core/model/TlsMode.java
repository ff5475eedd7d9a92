package dev.istiolint.core.model;

/**
 * {@code ClientTLSSettings.mode} of a DestinationRule. {@code UNSET} when the field is absent or its value is not one
 * of Istio's (the schema check reports that). Note that Istio reads a {@code tls} block without {@code mode} as
 * {@code DISABLE}; see {@link DestinationRule.ClientTLSSettings#effectiveMode()}.
 */
public enum TlsMode {
  UNSET,
  DISABLE,
  SIMPLE,
  MUTUAL,
  ISTIO_MUTUAL
}
