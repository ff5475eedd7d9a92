package dev.istiolint.core.engine.tls;

/** The compatibility matrix of tls-semantics §6.2, for one client TLS and one server mode. */
final class VerdictMatrix {

  private VerdictMatrix() {}

  /**
   * The verdict for one pair.
   *
   * @param originationDropped the rule asked for TLS origination, which the proxy dropped (the server expects TLS)
   * @param tlsPort the destination port is TLS typed (https/tls), so the application may terminate TLS itself
   * @param external the host is outside the mesh
   */
  static Verdict of(
      ClientTls client, ServerMtls server, boolean originationDropped, boolean tlsPort, boolean external) {
    return switch (client) {
      case DISABLE -> switch (server) {
        case STRICT -> Verdict.CONFLICT;
        case PERMISSIVE -> Verdict.INSECURE;
        case DISABLE -> Verdict.OK;
        case NONE -> originationDropped ? Verdict.CONFLICT : Verdict.OK;
      };
      case ISTIO_MUTUAL -> switch (server) {
        case STRICT, PERMISSIVE -> Verdict.OK;
        case DISABLE, NONE -> Verdict.CONFLICT;
      };
      case SIMPLE, MUTUAL -> switch (server) {
        case STRICT -> Verdict.CONFLICT;
        case PERMISSIVE, DISABLE -> tlsPort ? Verdict.OK : Verdict.CONFLICT;
        case NONE -> external || tlsPort ? Verdict.OK : Verdict.CONFLICT;
      };
    };
  }

  /** The failure in a few words, for finding messages. */
  static String symptom(ClientTls client, ServerMtls server, Verdict verdict) {
    if (verdict == Verdict.INSECURE) {
      return "requests work but are not encrypted";
    }
    if (client == ClientTls.DISABLE && server == ServerMtls.STRICT) {
      return "requests fail with 503 upstream connect error or disconnect/reset before headers (UC)";
    }
    if (client == ClientTls.DISABLE) {
      return "requests fail: the server expects TLS that the proxy does not originate";
    }
    return "requests fail with 503 and a TLS error (UF)";
  }

  /** What happens on the wire for a non-OK pair (tls-semantics §6.3). */
  static String wire(ClientTls client, ServerMtls server, Verdict verdict, boolean external, boolean legacy) {
    if (verdict == Verdict.OK) {
      return "";
    }
    if (verdict == Verdict.INSECURE) {
      return "the request works, but the bytes between the two sidecars are plaintext although the server would"
          + " accept mTLS";
    }
    if (client == ClientTls.DISABLE && server == ServerMtls.STRICT) {
      return (legacy
              ? "the server sidecar tries a TLS handshake on plaintext and fails"
              : "the server sidecar has no filter chain for plaintext (NR filter_chain_not_found) and closes the"
                  + " connection")
          + "; the client gets 503 upstream connect error or disconnect/reset before headers. reset reason:"
          + " connection termination (response flag UC)";
    }
    if (client == ClientTls.DISABLE) {
      return "the proxy sends plaintext but the server expects TLS (the TLS origination was dropped); the handshake"
          + " never happens and requests fail";
    }
    if (client == ClientTls.ISTIO_MUTUAL && external) {
      return "Istio mTLS to a host outside the mesh: certificate verification fails (unknown CA or no matching SAN);"
          + " the client gets 503 (response flag UF)";
    }
    if (client == ClientTls.ISTIO_MUTUAL) {
      return "Istio mTLS to a plaintext " + (server == ServerMtls.NONE ? "application" : "listener")
          + ": the client gets 503 upstream connect error or disconnect/reset before headers. reset reason: connection"
          + " failure, transport failure reason: TLS error: WRONG_VERSION_NUMBER (response flag UF)"
          + (server == ServerMtls.DISABLE ? "; the server sidecar logs 400 DPE" : "");
    }
    return "the client originates " + client + " TLS, which the server cannot complete ("
        + (server == ServerMtls.STRICT ? "it requires an Istio client certificate" : "the port does not speak TLS")
        + "); the handshake fails and the client gets 503 (response flag UF)";
  }
}
