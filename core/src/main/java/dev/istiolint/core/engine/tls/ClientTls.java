package dev.istiolint.core.engine.tls;

/** What the client proxy puts on the wire toward one endpoint, auto mTLS already resolved. */
public enum ClientTls {
  /** The proxy adds no TLS: the application's bytes go out as they are. */
  DISABLE,
  /** Istio mutual TLS with the mesh certificates. */
  ISTIO_MUTUAL,
  /** One-way TLS origination. */
  SIMPLE,
  /** Mutual TLS with user-supplied certificates. */
  MUTUAL
}
