package dev.istiolint.core.engine.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes that share one outcome: the same destination host, port and subset, computed once for a set of client
 * namespaces that the DestinationRule lookup, the VirtualServices and the client proxies cannot tell apart
 * (tls-semantics §2.1: a namespace without rules of its own for the host, not named in any exportTo, not the root
 * or the service namespace). Both sides, the verdict and their provenance are those of every member; the
 * explanation lines name the client namespace, so they are built only when a {@link Route} is asked for.
 */
public final class RouteGroup {

  private final Expander source;
  final Destination destination;
  final int destinationIndex;
  final Destination.Port servicePort;
  private final Optional<String> subset;
  final int sequence;
  private final ClientTls clientTls;
  private final ServerMtls serverMtls;
  private final Verdict verdict;
  private final Optional<Provenance> clientTlsSource;
  private final Optional<Provenance> serverMtlsSource;
  private final Optional<Provenance> replacedRule;
  private final List<Participant> participants;
  final Members members;

  /** Materialises routes of a group; implemented by the resolver that computed it. */
  interface Expander {
    String namespace(int index);

    Route route(int namespace, RouteGroup group);

    /** The participants computed for one member on its own; for tests that check the grouping. */
    List<Participant> participants(int namespace, RouteGroup group);
  }

  /**
   * The client namespaces of a group, by index in the sorted list of client namespaces: one namespace, or every
   * namespace of one client-proxy pattern except the destination's special namespaces.
   */
  static final class Members {
    private final int[] candidates;
    private final int[] excluded;
    final int first;
    final int size;

    private Members(int[] candidates, int[] excluded, int first, int size) {
      this.candidates = candidates;
      this.excluded = excluded;
      this.first = first;
      this.size = size;
    }

    static Members single(int namespace) {
      return new Members(new int[] {namespace}, new int[0], namespace, 1);
    }

    /** {@code candidates} and {@code excluded} sorted; null when no candidate is left. Costs O(|excluded|). */
    static Members allBut(int[] candidates, int[] excluded) {
      int size = candidates.length;
      for (int e : excluded) {
        if (Arrays.binarySearch(candidates, e) >= 0) {
          size--;
        }
      }
      if (size == 0) {
        return null;
      }
      int first = -1;
      for (int c : candidates) {
        if (Arrays.binarySearch(excluded, c) < 0) {
          first = c;
          break;
        }
      }
      return new Members(candidates, excluded, first, size);
    }

    boolean contains(int namespace) {
      return Arrays.binarySearch(candidates, namespace) >= 0 && Arrays.binarySearch(excluded, namespace) < 0;
    }

    int[] toArray() {
      int[] out = new int[size];
      int i = 0;
      for (int c : candidates) {
        if (Arrays.binarySearch(excluded, c) < 0) {
          out[i++] = c;
        }
      }
      return out;
    }
  }

  RouteGroup(
      Expander source,
      Destination destination,
      int destinationIndex,
      Destination.Port servicePort,
      Optional<String> subset,
      int sequence,
      Route sample,
      List<Participant> participants,
      Members members) {
    this.source = source;
    this.destination = destination;
    this.destinationIndex = destinationIndex;
    this.servicePort = servicePort;
    this.subset = Objects.requireNonNull(subset, "subset");
    this.sequence = sequence;
    this.clientTls = sample.clientTls();
    this.serverMtls = sample.serverMtls();
    this.verdict = sample.verdict();
    this.clientTlsSource = sample.clientTlsSource();
    this.serverMtlsSource = sample.serverMtlsSource();
    this.replacedRule = sample.replacedRule();
    this.participants = List.copyOf(participants);
    this.members = members;
  }

  /** The registry host. */
  public String host() {
    return destination.host().value();
  }

  /** The service port. */
  public int port() {
    return servicePort.number();
  }

  /** The subset a VirtualService routes to; empty for the default traffic. */
  public Optional<String> subset() {
    return subset;
  }

  public ClientTls clientTls() {
    return clientTls;
  }

  public ServerMtls serverMtls() {
    return serverMtls;
  }

  public Verdict verdict() {
    return verdict;
  }

  public Optional<Provenance> clientTlsSource() {
    return clientTlsSource;
  }

  public Optional<Provenance> serverMtlsSource() {
    return serverMtlsSource;
  }

  /** The broader DestinationRule the winning rule replaced for these clients, if any. */
  public Optional<Provenance> replacedRule() {
    return replacedRule;
  }

  /** The resources that took part in a non-OK outcome (tls-semantics §6.5); empty when OK. */
  public List<Participant> participants() {
    return participants;
  }

  /** How many client namespaces (routes) the group covers. */
  public int size() {
    return members.size;
  }

  /** The client namespaces, sorted. */
  public List<String> clientNamespaces() {
    List<String> out = new ArrayList<>(members.size);
    for (int n : members.toArray()) {
      out.add(source.namespace(n));
    }
    return out;
  }

  /** The route of the first client namespace, with its explanation. */
  public Route first() {
    return source.route(members.first, this);
  }

  /** Every route of the group, explanations included, by client namespace. */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>(members.size);
    for (int n : members.toArray()) {
      out.add(source.route(n, this));
    }
    return out;
  }

  Route route(int namespace) {
    return source.route(namespace, this);
  }

  /** The name of client namespace {@code namespace} (an index). */
  String clientNamespace(int namespace) {
    return source.namespace(namespace);
  }

  /** Member indexes, sorted. */
  int[] memberIndexes() {
    return members.toArray();
  }

  List<Participant> participantsOf(int namespace) {
    return source.participants(namespace, this);
  }

  /** Matrix order of this group's first route: client namespace, destination, port and subset. */
  static int compareFirst(RouteGroup a, RouteGroup b) {
    int c = Integer.compare(a.members.first, b.members.first);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.destinationIndex, b.destinationIndex);
    return c != 0 ? c : Integer.compare(a.sequence, b.sequence);
  }

  @Override
  public String toString() {
    return members.size + " client namespace(s) → " + host() + ":" + port() + subset.map(s -> " (subset " + s + ")")
        .orElse("") + " " + clientTls + " → " + serverMtls + " " + verdict;
  }
}
