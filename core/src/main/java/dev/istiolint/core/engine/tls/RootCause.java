package dev.istiolint.core.engine.tls;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reason for non-OK routes: the same participants produce the same verdict, however many client namespaces or
 * ports it affects. Findings are reported once per root cause (tls-semantics §6.5). The routes are held as
 * {@link RouteGroup}s and built one by one when asked for.
 */
public final class RootCause {

  private final Verdict verdict;
  private final List<Participant> participants;
  private final List<RouteGroup> groups;
  private final int routeCount;
  private volatile List<Route> routes;

  /**
   * @param verdict CONFLICT or INSECURE
   * @param participants every resource that took part, client side first
   * @param groups the route groups it breaks, by their first route in matrix order
   */
  RootCause(Verdict verdict, List<Participant> participants, List<RouteGroup> groups) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.participants = List.copyOf(participants);
    this.groups = List.copyOf(groups);
    int n = 0;
    for (RouteGroup g : groups) {
      n += g.size();
    }
    this.routeCount = n;
  }

  public Verdict verdict() {
    return verdict;
  }

  public List<Participant> participants() {
    return participants;
  }

  /** The route groups, ordered by their first route in matrix order. */
  public List<RouteGroup> groups() {
    return groups;
  }

  /** The number of routes it breaks. */
  public int routeCount() {
    return routeCount;
  }

  /**
   * The routes it breaks, in matrix order. The list is built lazily: its size is known, a route is computed (with its
   * explanation) when it is read.
   */
  public List<Route> routes() {
    List<Route> r = routes;
    if (r == null) {
      r = new LazyRoutes();
      routes = r;
    }
    return r;
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
    return groups.get(0).first();
  }

  /** The broader rules the client-side rules replaced, each once, in the order the routes first name them. */
  public List<Provenance> replacedRules() {
    Map<List<Object>, Provenance> out = new LinkedHashMap<>();
    for (RouteGroup g : groups) {
      g.replacedRule().ifPresent(p -> out.putIfAbsent(List.of(p.resource().id(), p.span()), p));
    }
    return List.copyOf(out.values());
  }

  @Override
  public String toString() {
    return verdict + " " + participants + " (" + routeCount + " routes)";
  }

  /** The routes in matrix order (client namespace, destination, port, subset), computed on read. */
  private final class LazyRoutes extends AbstractList<Route> {
    private int[][] order;

    @Override
    public Route get(int index) {
      Objects.checkIndex(index, routeCount);
      if (index == 0) {
        return first();
      }
      int[][] o = order();
      return groups.get(o[index][1]).route(o[index][0]);
    }

    @Override
    public int size() {
      return routeCount;
    }

    private synchronized int[][] order() {
      if (order == null) {
        List<int[]> all = new ArrayList<>(routeCount);
        for (int g = 0; g < groups.size(); g++) {
          for (int n : groups.get(g).members.toArray()) {
            all.add(new int[] {n, g});
          }
        }
        all.sort(Comparator.<int[]>comparingInt(e -> e[0])
            .thenComparingInt(e -> groups.get(e[1]).destinationIndex)
            .thenComparingInt(e -> groups.get(e[1]).sequence));
        order = all.toArray(new int[0][]);
      }
      return order;
    }
  }
}
