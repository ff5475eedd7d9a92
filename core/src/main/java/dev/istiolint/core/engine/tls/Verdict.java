package dev.istiolint.core.engine.tls;

/** Whether a client TLS and a server mode work together (tls-semantics §6.1). Declared from best to worst. */
public enum Verdict {
  /** The connection works and the transport is what both sides intend. */
  OK,
  /** The connection works, but in plaintext between two sidecars that could use mTLS. */
  INSECURE,
  /** The connection fails at the transport layer. */
  CONFLICT;

  /** The worse of two verdicts. */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
