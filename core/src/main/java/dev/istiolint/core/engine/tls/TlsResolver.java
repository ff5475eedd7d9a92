package dev.istiolint.core.engine.tls;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.internal.Parallel;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.DestinationRule.ClientTLSSettings;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshPolicy;
import dev.istiolint.core.model.PeerAuthentication;
import dev.istiolint.core.model.Policy;
import dev.istiolint.core.model.TlsMode;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;

/**
 * Computes the {@link TlsMatrix} of a snapshot under one Istio version (tls-semantics §6.6): indexes once, then for
 * each destination host, port and routed subset: the rule lookup, the TLS inside the rule, auto mTLS, the server
 * mode per endpoint, and the worst verdict. A client namespace is computed on its own only when it can see the host
 * differently from its neighbours; all others share one outcome per kind of client proxy ({@link RouteGroup}), so the
 * work grows with the input, not with client namespaces × hosts. Routes with their explanations are rebuilt from a
 * group on demand.
 */
public final class TlsResolver {

  private final Profile profile;
  private final MeshInputs mesh;
  private final DrIndex index;
  private final ServerModes servers;
  private final ClientDecision clients;
  private final Map<HostName, List<VirtualService>> virtualServices = new HashMap<>();
  /** Per host, each VirtualService of the mesh that names it, with its destinations to that host. */
  private final Map<HostName, List<RoutedTo>> routedTo = new HashMap<>();

  /** A VirtualService's route destinations whose expanded host is one registry host. */
  private record RoutedTo(VirtualService vs, List<VirtualService.Destination> destinations) {}
  private final List<IgnoredConfig> notes = new ArrayList<>();

  private TlsResolver(MeshSnapshot snapshot, IstioVersion version) {
    this.profile = Profile.of(version);
    this.mesh = new MeshInputs(snapshot, profile);
    this.index = new DrIndex(snapshot.ofType(DestinationRule.class), mesh, notes::add);
    this.servers =
        new ServerModes(
            profile.peerAuthentication() ? snapshot.ofType(PeerAuthentication.class) : List.of(),
            profile.legacyAuthentication() ? snapshot.ofType(Policy.class) : List.of(),
            profile.legacyAuthentication() ? snapshot.ofType(MeshPolicy.class) : List.of(),
            mesh);
    this.clients = new ClientDecision(mesh, servers);
    for (VirtualService vs : snapshot.ofType(VirtualService.class)) {
      if (!vs.appliesToMesh()) {
        continue;
      }
      Map<HostName, List<VirtualService.Destination>> byHost = new HashMap<>();
      for (VirtualService.Destination dest : vs.allDestinations()) {
        byHost.computeIfAbsent(HostName.expand(dest.host().value(), vs.namespace()), k -> new ArrayList<>()).add(dest);
      }
      for (Located<String> h : vs.hosts()) {
        HostName host = HostName.expand(h.value(), vs.namespace());
        virtualServices.computeIfAbsent(host, k -> new ArrayList<>()).add(vs);
        routedTo.computeIfAbsent(host, k -> new ArrayList<>())
            .add(new RoutedTo(vs, List.copyOf(byHost.getOrDefault(host, List.of()))));
      }
    }
    notes.addAll(new IgnoredConfigFinder(snapshot, mesh, index, servers).find());
  }

  /**
   * The matrix of {@code snapshot} under its own version, computed once per snapshot and shared by every caller, on
   * any thread (see {@link MeshSnapshot#derived}).
   */
  public static TlsMatrix of(MeshSnapshot snapshot) {
    return of(snapshot, 1);
  }

  /**
   * {@link #of(MeshSnapshot)}, computed on up to {@code threads} threads (the caller's included) if this call is the
   * one that computes it. The matrix is the same whatever the number of threads.
   */
  public static TlsMatrix of(MeshSnapshot snapshot, int threads) {
    Objects.requireNonNull(snapshot, "snapshot");
    return snapshot.derived(TlsMatrix.class, s -> resolve(s, s.istioVersion(), threads));
  }

  /** The matrix of {@code snapshot} under the semantics of {@code version}, computed afresh on the calling thread. */
  public static TlsMatrix resolve(MeshSnapshot snapshot, IstioVersion version) {
    return resolve(snapshot, version, 1);
  }

  /**
   * The matrix of {@code snapshot} under the semantics of {@code version}, computed afresh on up to {@code threads}
   * threads (the caller's included). The matrix is the same whatever the number of threads.
   */
  public static TlsMatrix resolve(MeshSnapshot snapshot, IstioVersion version, int threads) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(version, "version");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    return new TlsResolver(snapshot, version).run(threads);
  }

  /** A note raised while computing an outcome, with the matrix position that raised it and its order there. */
  private record PendingNote(int namespace, int destination, int sequence, IgnoredConfig note) {}

  /** Destinations evaluated together, by index, and what came out: their groups and the notes raised. */
  private record Part(int[] destinations, DestinationGroups[] groups, List<PendingNote> notes) {}

  /**
   * Destinations per {@link Part}: small enough that two threads end together, large enough that handing parts out
   * costs nothing.
   */
  private static final int PART_SIZE = 64;

  /**
   * The route groups of one destination: per special client namespace (indexes sorted, groups at the same position),
   * and per client-proxy pattern. Arrays, not maps: the matrix keeps one of these per destination.
   */
  private static final class DestinationGroups {
    final int[] special;
    final List<List<RouteGroup>> ofSpecial;
    final List<List<RouteGroup>> byPattern;

    DestinationGroups(int[] special, List<List<RouteGroup>> ofSpecial, List<List<RouteGroup>> byPattern) {
      this.special = special;
      this.ofSpecial = List.copyOf(ofSpecial);
      this.byPattern = List.copyOf(byPattern);
    }

    /** The groups of special namespace {@code ni}, or null when it is not special for this destination. */
    List<RouteGroup> ofSpecial(int ni) {
      int i = Arrays.binarySearch(special, ni);
      return i < 0 ? null : ofSpecial.get(i);
    }
  }

  private String[] namespaceNames;
  private List<List<Workload>> clientsOf;
  /** Per client namespace, the first client workload of each kind (sidecar, gateway), in workload order. */
  private final List<List<Workload>> representativesOf = new ArrayList<>();
  private final List<DestinationGroups> table = new ArrayList<>();
  private final List<RouteGroup> allGroups = new ArrayList<>();
  private final RouteGroup.Expander expander =
      new RouteGroup.Expander() {
        @Override
        public String namespace(int index) {
          return namespaceNames[index];
        }

        @Override
        public Route route(int namespace, RouteGroup g) {
          return materialise(namespace, g);
        }

        @Override
        public List<Participant> participants(int namespace, RouteGroup g) {
          return resolveMember(namespace, g).participants;
        }
      };

  /**
   * Computes each distinct outcome once (tls-semantics §2.1): for a destination, only the root namespace, the
   * service namespace, namespaces with rules for the host (exact or wildcard), namespaces named in an exportTo of the
   * service or root namespace's rules (or the mesh default), and namespaces a VirtualService of the host names can
   * see something their neighbours do not. Every other client namespace gets the outcome of the first one with the
   * same kinds of client proxies (sidecars, gateways, in workload order).
   *
   * <p>Destinations are evaluated in parts, on up to {@code threads} threads; each part's groups and notes are kept
   * apart and merged in destination order, each part has its own {@link Memos}, and the kept provenances are shared
   * (one value per key, whichever thread computed it), so the matrix does not depend on the threads or their timing.
   */
  private TlsMatrix run(int threads) {
    namespaceNames = mesh.clientNamespaces.toArray(new String[0]);
    Map<String, Integer> indexOf = new HashMap<>();
    clientsOf = new ArrayList<>();
    Map<List<Boolean>, Integer> patternIds = new LinkedHashMap<>();
    List<List<Integer>> patternLists = new ArrayList<>();
    for (int i = 0; i < namespaceNames.length; i++) {
      indexOf.put(namespaceNames[i], i);
      List<Workload> clients = mesh.clients(namespaceNames[i]);
      clientsOf.add(clients);
      List<Boolean> kinds = new ArrayList<>();
      List<Workload> firstOfKind = new ArrayList<>();
      for (Workload w : clients) {
        if (!kinds.contains(w.gateway())) {
          kinds.add(w.gateway());
          firstOfKind.add(w);
        }
      }
      representativesOf.add(List.copyOf(firstOfKind));
      int id = patternIds.computeIfAbsent(kinds, k -> patternIds.size());
      if (id == patternLists.size()) {
        patternLists.add(new ArrayList<>());
      }
      patternLists.get(id).add(i);
    }
    List<int[]> patterns = new ArrayList<>();
    patternLists.forEach(l -> patterns.add(l.stream().mapToInt(Integer::intValue).toArray()));
    Set<String> always = new HashSet<>();
    always.add(mesh.rootNamespace);
    always.addAll(mesh.defaultDrExportTo);

    int[] order = evaluationOrder();
    List<int[]> parts = new ArrayList<>();
    for (int from = 0; from < order.length; from += PART_SIZE) {
      parts.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + PART_SIZE)));
    }
    int parallel = Math.min(threads, parts.size());
    if (parallel > 1) {
      // presized: a growing concurrent map spends its time resizing
      provenances = new ConcurrentHashMap<>(2 * mesh.destinations.size());
    }
    DestinationGroups[] groupsOf = new DestinationGroups[mesh.destinations.size()];
    List<PendingNote> pending = new ArrayList<>();
    for (Part part :
        Parallel.map(parts, parallel, (a, b) -> 0, ds -> evaluatePart(ds, always, indexOf, patterns))) {
      for (int k = 0; k < part.destinations.length; k++) {
        groupsOf[part.destinations[k]] = part.groups[k];
      }
      pending.addAll(part.notes);
    }
    for (DestinationGroups dg : groupsOf) {
      table.add(dg);
      dg.ofSpecial.forEach(allGroups::addAll);
      dg.byPattern.forEach(allGroups::addAll);
    }
    pending.sort(
        Comparator.comparingInt(PendingNote::namespace)
            .thenComparingInt(PendingNote::destination)
            .thenComparingInt(PendingNote::sequence));
    pending.forEach(n -> notes.add(n.note()));

    Map<List<Object>, List<RouteGroup>> causes = new LinkedHashMap<>();
    for (RouteGroup g : allGroups) {
      if (g.verdict() != Verdict.OK) {
        List<Object> key = new ArrayList<>();
        key.add(g.verdict());
        g.participants().forEach(p -> key.add(List.of(p.resource().id(), p.at())));
        causes.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
      }
    }
    List<RootCause> rootCauses = new ArrayList<>();
    for (List<RouteGroup> groups : causes.values()) {
      groups.sort(RouteGroup::compareFirst);
      RouteGroup first = groups.get(0);
      rootCauses.add(new RootCause(first.verdict(), first.participants(), groups));
    }
    rootCauses.sort((a, b) -> RouteGroup.compareFirst(a.groups().get(0), b.groups().get(0)));
    provenances = Map.of();
    index.clearMemos();
    List<RouteGroup> groupsView = Collections.unmodifiableList(allGroups);
    TlsMatrix.Table t =
        new TlsMatrix.Table() {
          @Override
          public List<RouteGroup> groups() {
            return groupsView;
          }

          @Override
          public void forEachMember(
              Predicate<String> clientNamespace, Predicate<String> host, Predicate<RouteGroup> groups,
              ObjIntConsumer<RouteGroup> action) {
            expand(clientNamespace, host, groups, action);
          }

          @Override
          public int evaluations() {
            return groupsView.size(); // one evaluation per group
          }
        };
    return new TlsMatrix(
        profile, mesh.rootNamespace, mesh.autoMtls, mesh.autoMtlsReason, t, rootCauses, filterNotes(rootCauses));
  }

  /**
   * The destinations' indexes in the order they are evaluated: by namespace, then host. The matrix keeps host order,
   * but a namespace's services, workloads and rules were read from the same file and sit together in memory, while
   * hosts sorted by name jump from namespace to namespace (a service name such as {@code cart} recurs in many), which
   * on a large mesh makes nearly every lookup a cache miss.
   */
  private int[] evaluationOrder() {
    List<Destination> all = mesh.destinations;
    return java.util.stream.IntStream.range(0, all.size())
        .boxed()
        .sorted(Comparator.comparing((Integer i) -> all.get(i).namespace())) // stable: host order within a namespace
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Evaluates the destinations {@code ds} (indexes) for every client namespace; the part's state is its own. */
  private Part evaluatePart(int[] ds, Set<String> always, Map<String, Integer> indexOf, List<int[]> patterns) {
    SpecialSet specials = new SpecialSet(indexOf, namespaceNames.length);
    Memos memos = Memos.plain();
    DestinationGroups[] groups = new DestinationGroups[ds.length];
    List<PendingNote> pending = new ArrayList<>();
    for (int k = 0; k < ds.length; k++) {
      int di = ds[k];
      Destination d = mesh.destinations.get(di);
      int[] special = specialNamespaces(d, always, specials);
      List<List<RouteGroup>> ofSpecial = new ArrayList<>(special.length);
      for (int ni : special) {
        ofSpecial.add(evaluate(ni, d, di, RouteGroup.Members.single(ni), pending, memos));
      }
      List<List<RouteGroup>> byPattern = new ArrayList<>(patterns.size());
      for (int[] members : patterns) {
        RouteGroup.Members m = RouteGroup.Members.allBut(members, special);
        byPattern.add(m == null ? List.of() : evaluate(m.first, d, di, m, pending, memos));
      }
      groups[k] = new DestinationGroups(special, ofSpecial, byPattern);
      memos.clear(); // nothing of this destination is asked again
    }
    return new Part(ds, groups, pending);
  }

  /** The client namespaces (indexes, sorted) that may see {@code d} differently from their neighbours. */
  private int[] specialNamespaces(Destination d, Set<String> always, SpecialSet names) {
    always.forEach(names::add);
    names.add(d.namespace());
    for (HostName h : index.candidatesOf(d.host())) {
      index.namespacesWithRulesFor(h).forEach(names::add);
      index.exportNames(d.namespace(), h).forEach(names::add);
      index.exportNames(mesh.rootNamespace, h).forEach(names::add);
    }
    for (VirtualService vs : virtualServices.getOrDefault(d.host(), List.of())) {
      names.add(vs.namespace());
      for (Located<String> e : vs.exportTo()) {
        names.add(e.value());
      }
    }
    return names.sorted();
  }

  /**
   * Client namespace indexes collected by name, each once (names that are no client namespace are skipped); reused
   * from one destination to the next, {@link #sorted()} empties it.
   */
  private static final class SpecialSet {
    private final Map<String, Integer> indexOf;
    private final boolean[] marked;
    private int[] items = new int[8];
    private int size;

    SpecialSet(Map<String, Integer> indexOf, int namespaces) {
      this.indexOf = indexOf;
      this.marked = new boolean[namespaces];
    }

    void add(String name) {
      Integer i = indexOf.get(name);
      if (i == null || marked[i]) {
        return;
      }
      marked[i] = true;
      if (size == items.length) {
        items = java.util.Arrays.copyOf(items, size * 2);
      }
      items[size++] = i;
    }

    /** The indexes collected, sorted; the set is empty afterwards. */
    int[] sorted() {
      int[] out = java.util.Arrays.copyOf(items, size);
      for (int k = 0; k < size; k++) {
        marked[items[k]] = false;
      }
      size = 0;
      java.util.Arrays.sort(out);
      return out;
    }
  }

  /** Computes the outcomes of client namespace {@code ni} toward {@code d}, one group per port and subset. */
  private List<RouteGroup> evaluate(
      int ni, Destination d, int di, RouteGroup.Members members, List<PendingNote> pending, Memos memos) {
    String clientNs = namespaceNames[ni];
    DrIndex.Lookup lookup = index.lookup(clientNs, d, Set.of(), false);
    List<RouteGroup> out = new ArrayList<>();
    int seq = 0;
    int[] noteSequence = {0}; // each (namespace, destination) pair is evaluated once: its notes keep this order
    Consumer<IgnoredConfig> sink = n -> pending.add(new PendingNote(ni, di, noteSequence[0]++, n));
    for (Destination.Port port : d.ports()) {
      for (Optional<String> subset : subsets(clientNs, d, port)) {
        Resolved r = resolveRoute(ni, d, port, subset, lookup, sink, false, memos);
        out.add(new RouteGroup(expander, d, di, port, subset, seq++, r.route, r.participants, members));
      }
    }
    return List.copyOf(out);
  }

  /** The route of one client namespace in a group, recomputed with its explanation (no notes raised). */
  private Route materialise(int ni, RouteGroup g) {
    return resolveMember(ni, g).route;
  }

  private Resolved resolveMember(int ni, RouteGroup g) {
    String clientNs = namespaceNames[ni];
    DrIndex.Lookup lookup = index.lookup(clientNs, g.destination, Set.of(), true);
    return resolveRoute(ni, g.destination, g.servicePort, g.subset(), lookup, n -> {}, true, materialised);
  }

  private List<RouteGroup> groupsFor(int ni, int di) {
    DestinationGroups dg = table.get(di);
    List<RouteGroup> s = dg.ofSpecial(ni);
    if (s != null) {
      return s;
    }
    for (List<RouteGroup> l : dg.byPattern) {
      if (!l.isEmpty() && l.get(0).members.contains(ni)) {
        return l;
      }
    }
    return List.of();
  }

  private void expand(
      Predicate<String> clientNamespace, Predicate<String> host, Predicate<RouteGroup> groups,
      ObjIntConsumer<RouteGroup> action) {
    List<Integer> dests = new ArrayList<>();
    for (int di = 0; di < mesh.destinations.size(); di++) {
      if (host.test(mesh.destinations.get(di).host().value())) {
        dests.add(di);
      }
    }
    for (int ni = 0; ni < namespaceNames.length; ni++) {
      if (!clientNamespace.test(namespaceNames[ni])) {
        continue;
      }
      for (int di : dests) {
        for (RouteGroup g : groupsFor(ni, di)) {
          if (groups.test(g)) {
            action.accept(g, ni);
          }
        }
      }
    }
  }

  /** Drops notes about resources that a root cause already names, and duplicates. */
  private List<IgnoredConfig> filterNotes(List<RootCause> rootCauses) {
    Set<Object> flagged = new HashSet<>();
    rootCauses.forEach(c -> c.flagged().forEach(p -> flagged.add(p.resource().id())));
    Set<List<Object>> seen = new HashSet<>();
    List<IgnoredConfig> out = new ArrayList<>();
    for (IgnoredConfig n : notes) {
      boolean subsumed =
          switch (n.cause()) {
            case OVERRIDE_DROPS_MESH_MTLS, SELECTOR_SHADOWS_BROADER_RULE, PORT_LEVEL_DROPS_TLS ->
                flagged.contains(n.resource().id());
            default -> false;
          };
      if (!subsumed && seen.add(List.of(n.cause(), n.resource().id(), n.at()))) {
        out.add(n);
      }
    }
    out.sort(
        Comparator.comparing((IgnoredConfig n) -> n.at().file())
            .thenComparingInt(n -> n.at().startLine())
            .thenComparing(n -> n.cause().name()));
    return out;
  }

  /** The subsets VirtualServices visible to {@code clientNs} send {@code d:port} traffic to; empty = default. */
  private List<Optional<String>> subsets(String clientNs, Destination d, Destination.Port port) {
    TreeSet<String> named = new TreeSet<>();
    boolean plain = false;
    boolean any = false;
    for (RoutedTo routed : routedTo.getOrDefault(d.host(), List.of())) {
      if (!visible(routed.vs(), clientNs)) {
        continue;
      }
      for (VirtualService.Destination dest : routed.destinations()) {
        Optional<Located<Integer>> destPort = dest.port();
        if (destPort.isPresent() && destPort.get().value() != port.number() && d.ports().size() > 1) {
          continue;
        }
        any = true;
        if (dest.subset().isPresent()) {
          named.add(dest.subset().get().value());
        } else {
          plain = true;
        }
      }
    }
    List<Optional<String>> out = new ArrayList<>();
    if (!any || plain) {
      out.add(Optional.empty());
    }
    named.forEach(s -> out.add(Optional.of(s)));
    return out;
  }

  private static boolean visible(VirtualService vs, String clientNs) {
    if (vs.exportTo().isEmpty()) {
      return true;
    }
    for (Located<String> e : vs.exportTo()) {
      String v = e.value();
      if (v.equals("*") || v.equals(clientNs) || (v.equals(".") && vs.namespace().equals(clientNs))) {
        return true;
      }
    }
    return false;
  }

  /** One evaluated client workload × endpoint pair. */
  private record Pair(
      Verdict verdict,
      ClientSide client,
      ServerSide server,
      Endpoint endpoint,
      Workload clientWorkload,
      DrIndex.Selection selection,
      Optional<TlsPick> pick,
      int workloadPort) {}

  private record Resolved(Route route, List<Participant> participants) {}

  private Resolved resolveRoute(
      int ni,
      Destination d,
      Destination.Port port,
      Optional<String> subset,
      DrIndex.Lookup lookup,
      Consumer<IgnoredConfig> sink,
      boolean explain,
      Memos memos) {
    String clientNs = namespaceNames[ni];
    // when no workloadSelector takes part, every client gets the same rule, so the first client of each kind stands
    // for all (the (rule, gateway) pairs below would skip the others anyway)
    List<Workload> clients = index.workloadIndependent(lookup) ? representativesOf.get(ni) : clientsOf.get(ni);
    Pair worst = null;
    // (rule, gateway) pairs already evaluated; rules by identity (a record's hash would walk the whole rule)
    DestinationRule[] seenRules = new DestinationRule[2];
    boolean[] seenGateway = new boolean[2];
    int seen = 0;
    List<Endpoint> endpoints = endpoints(d, subset, memos);
    for (int c = 0; c < clients.size(); c++) {
      Workload w = clients.get(c);
      DrIndex.Selection sel = index.select(lookup, w);
      DestinationRule rule = sel.rule().map(MergedRule::first).orElse(null);
      if (seen(seenRules, seenGateway, seen, rule, w.gateway())) {
        continue;
      }
      if (seen == seenRules.length) { // many clients, few distinct pairs: grown only for a new pair
        seenRules = java.util.Arrays.copyOf(seenRules, 2 * seen);
        seenGateway = java.util.Arrays.copyOf(seenGateway, 2 * seen);
      }
      seenRules[seen] = rule;
      seenGateway[seen] = w.gateway();
      seen++;
      Optional<TlsPick> pick =
          sel.rule().isPresent()
              ? Optional.of(TlsPick.of(sel.rule().get(), port, subset, profile, explain))
              : Optional.empty();
      noteShadowing(clientNs, d, w, sel, sink);
      if (d.external() || endpoints.isEmpty()) {
        Pair p = pair(clientNs, w, d, port, sel, pick, Optional.empty(), endpoints, explain, memos);
        worst = worse(worst, p);
        continue;
      }
      for (Endpoint ep : endpoints) {
        Pair p = pair(clientNs, w, d, port, sel, pick, Optional.of(ep), endpoints, explain, memos);
        worst = worse(worst, p);
      }
    }
    return finish(clientNs, d, port, subset, lookup, Objects.requireNonNull(worst), sink, explain, memos);
  }

  private static boolean seen(DestinationRule[] rules, boolean[] gateway, int count, DestinationRule r, boolean gw) {
    for (int i = 0; i < count; i++) {
      if (rules[i] == r && gateway[i] == gw) {
        return true;
      }
    }
    return false;
  }

  private static Pair worse(Pair a, Pair b) {
    if (a == null) {
      return b;
    }
    return b.verdict().ordinal() > a.verdict().ordinal() ? b : a;
  }

  /** A client namespace, a destination and a winning merged rule (both by identity). */
  private record WithoutKey(String clientNs, IdentityKey destination, IdentityKey winner) {
    @Override
    public boolean equals(Object o) { // written out: the generated one goes through method handles, in a hot loop
      return o instanceof WithoutKey k
          && k.clientNs.equals(clientNs)
          && k.destination.equals(destination)
          && k.winner.equals(winner);
    }

    @Override
    public int hashCode() {
      return (clientNs.hashCode() * 31 + destination.hashCode()) * 31 + winner.hashCode();
    }
  }

  /**
   * What the evaluation of one destination computes once and reuses for its other client namespaces, ports and
   * subsets. Every key names one destination, so each part of the build has its own plain maps, emptied after each
   * destination: shared, they lived until the build ended, young objects that every collection during the build
   * copied (on the 100k corpus 10-19 MB more was promoted per build). Materialised routes (rules on several threads,
   * reports) share concurrent ones.
   */
  private record Memos(
      Map<WithoutKey, DrIndex.Lookup> withoutWinner,
      Map<SubsetKey, List<Endpoint>> subsetEndpoints,
      Map<ServerKey, ServerSide> servers) {

    static Memos plain() {
      return new Memos(new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    static Memos concurrent() {
      return new Memos(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** Empties the maps; plain ones keep their tables for the next destination. */
    void clear() {
      withoutWinner.clear();
      subsetEndpoints.clear();
      servers.clear();
    }
  }

  /** The memos of materialised routes; see {@link Memos}. */
  private final Memos materialised = Memos.concurrent();

  /**
   * The lookup of {@code clientNs} for {@code d} without the rules of {@code winner}: what the winner replaced. The
   * same for every port and subset of the destination, so computed once for a shared winner.
   */
  private DrIndex.Lookup lookupWithout(String clientNs, Destination d, MergedRule winner, Memos memos) {
    if (!winner.shared) {
      return index.lookup(clientNs, d, DrIndex.identitySet(winner.from), false);
    }
    WithoutKey key = new WithoutKey(clientNs, new IdentityKey(d), new IdentityKey(winner));
    DrIndex.Lookup l = memos.withoutWinner().get(key);
    if (l == null) {
      l = index.lookup(clientNs, d, DrIndex.identitySet(winner.from), false);
      memos.withoutWinner().putIfAbsent(key, l);
    }
    return l;
  }

  /** A destination (by identity) and a subset name. */
  private record SubsetKey(IdentityKey destination, String subset) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SubsetKey k && k.destination.equals(destination) && k.subset.equals(subset);
    }

    @Override
    public int hashCode() {
      return destination.hashCode() * 31 + subset.hashCode();
    }
  }

  /** An object compared by identity (a record's equals and hashCode would walk all of it). */
  private record IdentityKey(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  /** See {@link #shared}; dropped when the matrix is done. */
  private Map<Provenance, Optional<Provenance>> provenances = new HashMap<>();

  private List<Endpoint> endpoints(Destination d, Optional<String> subset, Memos memos) {
    if (subset.isEmpty() || d.external()) {
      return d.endpoints();
    }
    SubsetKey key = new SubsetKey(new IdentityKey(d), subset.get());
    List<Endpoint> known = memos.subsetEndpoints().get(key);
    if (known == null) {
      known = computeEndpoints(d, subset);
      memos.subsetEndpoints().putIfAbsent(key, known);
    }
    return known;
  }

  private List<Endpoint> computeEndpoints(Destination d, Optional<String> subset) {
    Optional<Map<String, String>> labels = subsetLabels(d, subset.get());
    if (labels.isEmpty()) {
      return d.endpoints();
    }
    List<Endpoint> out = new ArrayList<>();
    for (Endpoint e : d.endpoints()) {
      if (MeshInputs.matches(labels.get(), e.labels())) {
        out.add(e);
      }
    }
    return out.isEmpty() ? d.endpoints() : List.copyOf(out);
  }

  private Optional<Map<String, String>> subsetLabels(Destination d, String subset) {
    for (DrIndex.Lookup l : List.of(index.lookup(d.namespace(), d, Set.of(), false))) {
      for (MergedRule m : l.entries()) {
        MergedRule.SubsetRef ref = m.subsets.get(subset);
        if (ref != null) {
          return Optional.of(ref.subset().labelValues());
        }
      }
    }
    return Optional.empty();
  }

  private Pair pair(
      String clientNs,
      Workload client,
      Destination d,
      Destination.Port port,
      DrIndex.Selection sel,
      Optional<TlsPick> pick,
      Optional<Endpoint> endpoint,
      List<Endpoint> all,
      boolean explain,
      Memos memos) {
    int workloadPort = endpoint.map(e -> e.workloadPort(port.targetPort(), port.number())).orElse(port.number());
    ServerSide server = serverSide(d, port, endpoint, workloadPort, explain, memos);
    ClientSide cs = clients.decide(client, d, port, sel, pick, endpoint, server, all, explain);
    Verdict v = VerdictMatrix.of(cs.tls(), server.mode(), cs.originationDropped(), port.tlsTyped(), d.external());
    if (cs.tls() == ClientTls.MUTUAL && meshIssuedCertificates(pick) && server.mode() != ServerMtls.DISABLE
        && server.mode() != ServerMtls.NONE) {
      v = Verdict.OK;
    }
    return new Pair(v, cs, server, endpoint.orElse(null), client, sel, pick, workloadPort);
  }

  private static boolean meshIssuedCertificates(Optional<TlsPick> pick) {
    return pick.flatMap(TlsPick::tls)
        .flatMap(ClientTLSSettings::clientCertificate)
        .map(c -> c.value().startsWith("/etc/certs/"))
        .orElse(false);
  }

  /** Identity key of one destination, service port, endpoint and workload port, with or without the steps. */
  private static final class ServerKey {
    final Destination d;
    final Destination.Port port;
    final Endpoint e;
    final int workloadPort;
    final boolean explain;

    ServerKey(Destination d, Destination.Port port, Endpoint e, int workloadPort, boolean explain) {
      this.d = d;
      this.port = port;
      this.e = e;
      this.workloadPort = workloadPort;
      this.explain = explain;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ServerKey k && k.d == d && k.port == port && k.e == e && k.workloadPort == workloadPort
          && k.explain == explain;
    }

    @Override
    public int hashCode() {
      int h = (System.identityHashCode(d) * 31 + System.identityHashCode(port)) * 31 + System.identityHashCode(e);
      return (h * 31 + workloadPort) * 2 + (explain ? 1 : 0);
    }
  }

  /**
   * The server side of an endpoint and port; the same for every client, so computed once (tls-semantics §5). Its
   * steps only when {@code explain}: a group needs the mode and its source, and the lines of 48,000 server sides (one
   * per endpoint and port on the 100k corpus) would be made for nothing.
   */
  private ServerSide serverSide(
      Destination d, Destination.Port port, Optional<Endpoint> ep, int workloadPort, boolean explain, Memos memos) {
    ServerKey key = new ServerKey(d, port, ep.orElse(null), workloadPort, explain);
    ServerSide known = memos.servers().get(key);
    if (known == null) {
      known = computeServerSide(d, port, ep, workloadPort, explain);
      memos.servers().putIfAbsent(key, known);
    }
    return known;
  }

  private ServerSide computeServerSide(
      Destination d, Destination.Port port, Optional<Endpoint> ep, int workloadPort, boolean explain) {
    if (d.external()) {
      return new ServerSide(ServerMtls.NONE, Optional.empty(), Optional.empty(), "", false,
          explain ? List.of("the server " + d.host() + " is outside the mesh (MESH_EXTERNAL): NONE") : null);
    }
    if (ep.isEmpty()) {
      return new ServerSide(ServerMtls.NONE, Optional.empty(), Optional.empty(), "", false,
          explain ? List.of("no endpoint is known for " + d.host() + ": NONE") : null);
    }
    Endpoint e = ep.get();
    if (!e.sidecar()) {
      return new ServerSide(ServerMtls.NONE, Optional.empty(), Optional.empty(), "", false,
          explain ? List.of("the server " + e.description() + " has no sidecar to enforce mTLS: NONE") : null);
    }
    ServerSide s = servers.forEndpoint(d, port, e, workloadPort, explain);
    if (!explain) {
      return s;
    }
    List<String> steps = new ArrayList<>();
    steps.add("the server is " + e.description() + ", workload port " + workloadPort);
    steps.addAll(s.steps());
    return new ServerSide(s.mode(), s.resource(), s.at(), s.field(), s.meshWide(), steps);
  }

  private void noteShadowing(
      String clientNs, Destination d, Workload w, DrIndex.Selection sel,
      Consumer<IgnoredConfig> sink) {
    if (sel.shadowing().isEmpty()) {
      return;
    }
    Set<DestinationRule> excluded = DrIndex.identitySet(List.of());
    sel.shadowing().forEach(m -> excluded.addAll(m.from));
    DrIndex.Lookup without = index.lookup(clientNs, d, excluded, false);
    DrIndex.Selection other = index.select(without, w);
    if (other.rule().isEmpty()) {
      return;
    }
    MergedRule shadow = sel.shadowing().get(0);
    DestinationRule r = shadow.first();
    sink.accept(
        new IgnoredConfig(
            IgnoredConfig.Cause.SELECTOR_SHADOWS_BROADER_RULE,
            r,
            shadow.selector().get().span(),
            "DestinationRule " + DrIndex.name(r) + " has a workloadSelector; clients in " + clientNs + " it does not"
                + " select (" + w.source().kind() + " " + w.namespace() + "/" + w.name() + ") get no DestinationRule"
                + " for " + d.host() + " at all, not " + other.rule().get().describe()
                + "; add a rule without workloadSelector for the same host in " + clientNs,
            List.of(
                dev.istiolint.core.diag.RelatedLocation.of(
                    other.rule().get().first().nameSpan(), "the rule the other clients would get",
                    other.rule().get().first().ref()))));
  }

  private Resolved finish(
      String clientNs,
      Destination d,
      Destination.Port port,
      Optional<String> subset,
      DrIndex.Lookup lookup,
      Pair p,
      Consumer<IgnoredConfig> sink,
      boolean explain,
      Memos memos) {
    // explanation lines only when a route is materialised; a group's outcome does not need them
    List<String> ex = new ArrayList<>();
    if (explain) {
      ex.addAll(lookup.steps());
    }
    if (explain && !p.selection().step().isEmpty()) {
      ex.add(p.selection().step());
    }
    for (DrIndex.Exclusion e : explain ? lookup.exclusions() : List.<DrIndex.Exclusion>of()) {
      ex.add("DestinationRule " + DrIndex.name(e.rule()) + " (" + TlsPick.where(e.at()) + ") matches the host but is not"
          + " used by clients in " + clientNs + ": " + e.why());
    }
    Optional<Provenance> replaced = Optional.empty();
    Optional<TlsPick> replacedPick = Optional.empty();
    if (p.selection().rule().isPresent()) {
      MergedRule winner = p.selection().rule().get();
      DrIndex.Lookup without = lookupWithout(clientNs, d, winner, memos);
      DrIndex.Selection other = index.select(without, p.clientWorkload());
      if (other.rule().isPresent()) {
        MergedRule broader = other.rule().get();
        replacedPick = Optional.of(TlsPick.of(broader, port, subset, profile, explain));
        replaced = Optional.of(Provenance.of(broader.first(), broader.first().nameSpan(), "spec.host"));
        if (explain) {
          ex.add(winner.describe() + " replaces the broader " + broader.describe() + " ("
              + TlsPick.where(broader.first().nameSpan()) + ")"
              + replacedPick.get().tls().map(t -> ", which sets tls mode " + t.effectiveMode()).orElse(""));
        }
        noteOverride(clientNs, d, port, p, winner, broader, replacedPick.get(), sink);
      }
    }
    if (explain) {
      p.pick().ifPresent(t -> ex.addAll(t.steps()));
      ex.addAll(p.client().steps());
      ex.addAll(p.server().steps());
      ex.add("client sends " + p.client().tls() + ", server accepts " + p.server().mode() + ": " + p.verdict());
    }
    Optional<String> wire = Optional.empty();
    Optional<String> symptom = Optional.empty();
    Optional<String> fix = Optional.empty();
    if (explain && p.verdict() != Verdict.OK) {
      wire = Optional.of(VerdictMatrix.wire(p.client().tls(), p.server().mode(), p.verdict(), d.external(),
          profile.legacyAuthentication()));
      symptom = Optional.of(VerdictMatrix.symptom(p.client().tls(), p.server().mode(), p.verdict()));
      fix = Optional.of(fix(clientNs, d, port, subset, p));
    }
    Optional<Provenance> clientSource = p.client().source();
    Optional<Provenance> serverSource = p.server().provenance();
    if (!explain) {
      // a group's route: the group keeps its provenances for as long as the matrix lives
      clientSource = shared(clientSource);
      serverSource = shared(serverSource);
      replaced = shared(replaced);
    }
    Route route =
        new Route(
            clientNs, d.host().value(), port.number(), subset, p.client().tls(), p.server().mode(), p.verdict(),
            clientSource, serverSource, ex, replaced, wire, symptom, fix);
    return new Resolved(route, participants(p, lookup));
  }

  /**
   * The one kept instance of {@code p}'s value. A route group keeps three provenances, and most groups of a large mesh
   * share theirs (one rule's tls field, one namespace's policy): on 98,005 resources the 144,230 groups held 432,690
   * provenances, each with its own span and {@code Optional}. Used while the groups are computed.
   */
  private Optional<Provenance> shared(Optional<Provenance> p) {
    if (p.isEmpty()) {
      return p;
    }
    Optional<Provenance> known = provenances.get(p.get()); // most are known: no lock for them on a concurrent map
    return known != null ? known : provenances.computeIfAbsent(p.get(), Optional::of);
  }

  private void noteOverride(
      String clientNs, Destination d, Destination.Port port, Pair p, MergedRule winner, MergedRule broader,
      TlsPick broaderPick, Consumer<IgnoredConfig> sink) {
    TlsPick pick = p.pick().orElse(null);
    if (pick == null || pick.tls().isPresent() || pick.droppedTopLevelTls()) {
      return;
    }
    if (broaderPick.tls().isEmpty() || broaderPick.tls().get().effectiveMode() != TlsMode.ISTIO_MUTUAL) {
      return;
    }
    DestinationRule r = pick.source();
    sink.accept(
        new IgnoredConfig(
            IgnoredConfig.Cause.OVERRIDE_DROPS_MESH_MTLS,
            r,
            pick.at(),
            "DestinationRule " + DrIndex.name(r) + " sets no tls and replaces " + broader.describe()
                + " (tls mode ISTIO_MUTUAL) for clients in " + clientNs + " calling " + d.host() + ":" + port.number()
                + "; mTLS now depends on auto mTLS"
                + (p.client().tls() == ClientTls.ISTIO_MUTUAL ? " (on today)" : "")
                + "; add tls: {mode: ISTIO_MUTUAL} to its trafficPolicy",
            List.of(
                dev.istiolint.core.diag.RelatedLocation.of(
                    broaderPick.at(), "the broader rule that sets ISTIO_MUTUAL", broader.first().ref()))));
  }

  private String fix(String clientNs, Destination d, Destination.Port port, Optional<String> subset, Pair p) {
    ClientTls c = p.client().tls();
    ServerMtls s = p.server().mode();
    Optional<TlsPick> pick = p.pick();
    String rule = pick.map(t -> "DestinationRule " + DrIndex.name(t.source())).orElse("");
    if (c == ClientTls.DISABLE && p.client().originationDropped()) {
      return "sidecars ignore credentialName in a rule without workloadSelector: use caCertificates (and"
          + " clientCertificate/privateKey for MUTUAL) with files, or add a workloadSelector to " + rule;
    }
    if (c == ClientTls.DISABLE && (s == ServerMtls.STRICT || s == ServerMtls.PERMISSIVE)) {
      if (pick.isPresent() && pick.get().tls().isEmpty()) {
        String where = pick.get().field().contains("portLevelSettings")
            ? "the portLevelSettings entry for port " + port.number()
            : subset.isPresent() && pick.get().field().startsWith("subsets")
                ? "the trafficPolicy of subset " + subset.get()
                : "trafficPolicy";
        return "add tls: {mode: ISTIO_MUTUAL} to " + where + " of " + DrIndex.name(pick.get().source());
      }
      if (pick.isPresent()) {
        return "set tls mode ISTIO_MUTUAL in " + rule + " (" + pick.get().field() + ")"
            + (s == ServerMtls.STRICT ? ", or make the server PERMISSIVE if plaintext is really intended" : "");
      }
      if (!p.selection().shadowing().isEmpty()) {
        DestinationRule sel = p.selection().shadowing().get(0).first();
        return "add a DestinationRule without workloadSelector for " + d.host() + " in " + clientNs
            + " with tls: {mode: ISTIO_MUTUAL}: the workloadSelector of " + DrIndex.name(sel)
            + " keeps the other clients from reaching any broader rule";
      }
      String why = "";
      if (p.client().auto() && d.passthrough()) {
        why = " (auto mTLS cannot help: the headless service has endpoints without a sidecar)";
      } else if (p.client().auto()) {
        why = " (auto mTLS infers DISABLE from the namespace- or mesh-wide policy and never looks at the workload"
            + " policy)";
      } else if (s == ServerMtls.STRICT && !mesh.autoMtls && profile.autoMtlsSupported()) {
        why = " (or turn on auto mTLS)";
      }
      return "add a DestinationRule for " + d.host() + " with trafficPolicy tls: {mode: ISTIO_MUTUAL} that clients"
          + " in " + clientNs + " use" + why;
    }
    if (c == ClientTls.ISTIO_MUTUAL) {
      if (d.external()) {
        return "do not use ISTIO_MUTUAL toward " + d.host() + ": set tls mode SIMPLE (TLS origination) or DISABLE for"
            + " it in a DestinationRule that clients in " + clientNs + " use";
      }
      if (s == ServerMtls.DISABLE && p.client().auto() && !profile.autoMtlsChecksEndpointPolicy()) {
        return "before 1.12 auto mTLS ignores workload-level PeerAuthentication: add a DestinationRule for " + d.host()
            + " with tls mode DISABLE, or upgrade to 1.12+";
      }
      if (s == ServerMtls.NONE) {
        return "inject a sidecar into the server, or set tls mode DISABLE for " + d.host()
            + " in a DestinationRule that clients in " + clientNs + " use";
      }
      return "make the server accept mTLS (PERMISSIVE or STRICT), or set tls mode DISABLE for " + d.host()
          + " in a DestinationRule that clients in " + clientNs + " use";
    }
    if (c == ClientTls.SIMPLE || c == ClientTls.MUTUAL) {
      return "use tls mode ISTIO_MUTUAL in " + rule + " for in-mesh traffic; SIMPLE and MUTUAL are for servers that"
          + " terminate TLS themselves";
    }
    return "align the client TLS and the server mode";
  }

  /** Participants' roles, one text per mode rather than one per route group (the groups keep their participants). */
  private static final Map<TlsMode, String> SETS_TLS_MODE = texts(TlsMode.class, m -> "sets tls mode " + m);

  private static final Map<ServerMtls, String> MAKES_THE_SERVER = texts(ServerMtls.class, m -> "makes the server " + m);

  private static <E extends Enum<E>> Map<E, String> texts(Class<E> type, Function<E, String> text) {
    Map<E, String> out = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      out.put(e, text.apply(e));
    }
    return out;
  }

  /** §6.5: the client participant (or the rules excluded for this client) and the server participant. */
  private List<Participant> participants(Pair p, DrIndex.Lookup lookup) {
    List<Participant> out = new ArrayList<>();
    if (p.verdict() == Verdict.OK) {
      return out;
    }
    if (p.pick().isPresent()) {
      TlsPick t = p.pick().get();
      MergedRule m = p.selection().rule().get();
      SourceSpan at = p.client().originationDropped() && p.client().source().isPresent()
          ? p.client().source().get().span()
          : t.at();
      out.add(new Participant(t.source(), at, Participant.Side.CLIENT, meshWideRule(m),
          t.tls().map(x -> SETS_TLS_MODE.get(x.effectiveMode())).orElse("sets no tls")));
    } else if (!p.selection().shadowing().isEmpty()) {
      for (MergedRule m : p.selection().shadowing()) {
        out.add(new Participant(m.first(), m.selector().get().span(), Participant.Side.CLIENT, false,
            "its workloadSelector takes the client namespace's slot without selecting the client"));
      }
    } else {
      for (DrIndex.Exclusion e : lookup.exclusions()) {
        out.add(new Participant(e.rule(), e.at(), Participant.Side.CLIENT, false,
            "matches the host but is not used by these clients: " + e.why()));
      }
    }
    if (p.server().resource().isPresent() && p.server().mode() != ServerMtls.NONE
        && p.verdict() == Verdict.CONFLICT) {
      out.add(new Participant(p.server().resource().get(), p.server().at().get(), Participant.Side.SERVER,
          p.server().meshWide(), MAKES_THE_SERVER.get(p.server().mode())));
    }
    return out;
  }

  private boolean meshWideRule(MergedRule m) {
    DestinationRule r = m.first();
    if (!r.namespace().equals(mesh.rootNamespace) || !r.hostName().isWildcard()) {
      return false;
    }
    return profile.globalDestinationRules() || !index.privateOnly(r);
  }
}
