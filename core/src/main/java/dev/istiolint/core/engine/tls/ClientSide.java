package dev.istiolint.core.engine.tls;

import java.util.List;
import java.util.Optional;

/**
 * What the client proxy sends to one endpoint, and why.
 *
 * @param tls the resolved client TLS
 * @param source the field that decided it, empty for a default
 * @param steps the decision steps after the rule's tls was known
 * @param originationDropped true when a SIMPLE/MUTUAL rule lost its TLS context (credentialName on a sidecar)
 * @param auto true when auto mTLS decided
 */
record ClientSide(
    ClientTls tls, Optional<Provenance> source, List<String> steps, boolean originationDropped, boolean auto) {

  ClientSide {
    steps = List.copyOf(steps);
  }
}
