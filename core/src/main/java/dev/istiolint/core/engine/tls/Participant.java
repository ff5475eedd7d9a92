package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.Resource;
import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * A resource that took part in a non-OK route (tls-semantics §6.5).
 *
 * @param resource the resource
 * @param at the field a finding should point at (the one to change)
 * @param side whether it decided the client TLS or the server mode
 * @param meshWide true for MeshPolicy, a selector-less root PeerAuthentication, or a public wildcard root rule
 * @param role what it did, for messages (for example "sets tls.mode DISABLE")
 */
public record Participant(Resource resource, SourceSpan at, Side side, boolean meshWide, String role) {

  /** Which side of the connection a participant configured. */
  public enum Side {
    CLIENT,
    SERVER
  }

  public Participant {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(role, "role");
  }
}
