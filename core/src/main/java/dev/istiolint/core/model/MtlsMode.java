package dev.istiolint.core.model;

/**
 * {@code PeerAuthentication.MutualTLS.Mode}. {@code UNSET} means "inherit from the parent level" (and is what an
 * absent {@code mtls} block, an empty one, or an unknown value decode to).
 */
public enum MtlsMode {
  UNSET,
  DISABLE,
  PERMISSIVE,
  STRICT
}
