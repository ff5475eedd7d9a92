package dev.istiolint.core.model;

/** {@code ServerTLSSettings.mode} of a Gateway server or Sidecar ingress listener; {@code UNSET} when absent or unknown. */
public enum ServerTlsMode {
  UNSET,
  PASSTHROUGH,
  SIMPLE,
  MUTUAL,
  AUTO_PASSTHROUGH,
  ISTIO_MUTUAL,
  OPTIONAL_MUTUAL
}
