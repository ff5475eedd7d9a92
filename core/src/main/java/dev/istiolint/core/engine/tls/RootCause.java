package dev.istiolint.core.engine.tls;

import java.util.List;
import java.util.Objects;

/**
 * One reason for non-OK routes: the same participants produce the same verdict, however many client namespaces or
 * ports it affects. Findings are reported once per root cause (tls-semantics §6.5).
 *
 * @param verdict CONFLICT or INSECURE
 * @param participants every resource that took part, client side first
 * @param routes the routes it breaks, in matrix order
 */
public record RootCause(Verdict verdict, List<Participant> participants, List<Route> routes) {

  public RootCause {
    Objects.requireNonNull(verdict, "verdict");
    participants = List.copyOf(participants);
    routes = List.copyOf(routes);
  }

  /**
   * The participants a finding must name: for INSECURE only the client side; otherwise every participant that is
   * not mesh-wide, or all of them when each is mesh-wide.
   */
  public List<Participant> flagged() {
    if (verdict == Verdict.INSECURE) {
      return participants.stream().filter(p -> p.side() == Participant.Side.CLIENT).toList();
    }
    List<Participant> narrow = participants.stream().filter(p -> !p.meshWide()).toList();
    return narrow.isEmpty() ? participants : narrow;
  }

  /** The first affected route, whose explanation stands for the others. */
  public Route first() {
    return routes.get(0);
  }
}
