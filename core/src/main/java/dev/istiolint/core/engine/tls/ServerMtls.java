package dev.istiolint.core.engine.tls;

/** What the destination accepts on its workload port. */
public enum ServerMtls {
  /** A sidecar that accepts Istio mTLS only. */
  STRICT,
  /** A sidecar that accepts Istio mTLS and plaintext. */
  PERMISSIVE,
  /** A sidecar that accepts plaintext only. */
  DISABLE,
  /** No sidecar, or a host outside the mesh: whatever the application speaks. */
  NONE
}
