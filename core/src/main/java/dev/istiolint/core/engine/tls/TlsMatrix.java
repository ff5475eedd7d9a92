package dev.istiolint.core.engine.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;

/**
 * The effective TLS of a mesh: every route with both sides and a verdict, the root causes of the non-OK routes, and
 * the TLS configuration Istio ignores. Computed once per run by {@link TlsResolver}.
 *
 * <p>Routes are held as {@link RouteGroup}s: one outcome per destination host, port and subset for all the client
 * namespaces that cannot see a difference, so the matrix grows with the input, not with namespaces × hosts.
 * {@link #routes()} expands them, with explanations, when a caller really needs one row per client namespace.
 *
 * <p>A matrix may be read from several threads at once (rules running in parallel): it is not changed after
 * {@link TlsResolver} returns it, and the on-demand expansion only fills thread-safe memos. {@link
 * TlsResolver#of(dev.istiolint.core.engine.MeshSnapshot)} shares one matrix per snapshot.
 */
public final class TlsMatrix {

  private final Profile profile;
  private final String rootNamespace;
  private final boolean autoMtls;
  private final String autoMtlsReason;
  private final Table table;
  private final List<RootCause> rootCauses;
  private final List<IgnoredConfig> ignored;
  private volatile List<Route> routes;

  /** The route groups of a resolver, and their expansion. */
  interface Table {
    List<RouteGroup> groups();

    /** Each route as its group and client namespace index, in matrix order. */
    void forEachMember(
        Predicate<String> clientNamespace, Predicate<String> host, Predicate<RouteGroup> groups,
        ObjIntConsumer<RouteGroup> action);

    /** How many outcomes were computed (lookup, both sides, verdict); for the linear-growth test. */
    int evaluations();
  }

  /**
   * @param profile the version semantics used
   * @param rootNamespace the mesh root namespace
   * @param autoMtls whether auto mTLS is on
   * @param autoMtlsReason where that value comes from
   * @param table the route groups
   * @param rootCauses the causes of the CONFLICT and INSECURE routes, each once
   * @param ignored ignored or ineffective TLS configuration
   */
  TlsMatrix(
      Profile profile,
      String rootNamespace,
      boolean autoMtls,
      String autoMtlsReason,
      Table table,
      List<RootCause> rootCauses,
      List<IgnoredConfig> ignored) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.rootNamespace = Objects.requireNonNull(rootNamespace, "rootNamespace");
    this.autoMtls = autoMtls;
    this.autoMtlsReason = Objects.requireNonNull(autoMtlsReason, "autoMtlsReason");
    this.table = Objects.requireNonNull(table, "table");
    this.rootCauses = List.copyOf(rootCauses);
    this.ignored = List.copyOf(ignored);
  }

  /** The version semantics used. */
  public Profile profile() {
    return profile;
  }

  /** The mesh root namespace. */
  public String rootNamespace() {
    return rootNamespace;
  }

  /** Whether auto mTLS is on. */
  public boolean autoMtls() {
    return autoMtls;
  }

  /** Where the auto mTLS value comes from. */
  public String autoMtlsReason() {
    return autoMtlsReason;
  }

  /** The route groups: each outcome once, with the client namespaces it covers. */
  public List<RouteGroup> groups() {
    return table.groups();
  }

  /** The number of routes (client namespace × host × port × subset) the groups stand for. */
  public long routeCount() {
    long n = 0;
    for (RouteGroup g : table.groups()) {
      n += g.size();
    }
    return n;
  }

  /**
   * Every route, by client namespace, host, port and subset, with its explanation. This expands all groups; prefer
   * {@link #routes(Predicate, Predicate)} or {@link #groups()} on large meshes.
   */
  public List<Route> routes() {
    List<Route> r = routes;
    if (r == null) {
      r = List.copyOf(routes(n -> true, h -> true));
      routes = r;
    }
    return r;
  }

  /** The routes from the client namespaces and to the hosts that pass the filters, in matrix order. */
  public List<Route> routes(Predicate<String> clientNamespace, Predicate<String> host) {
    List<Route> out = new ArrayList<>();
    forEachRoute(clientNamespace, host, g -> true, out::add);
    return out;
  }

  /**
   * Gives {@code action} the routes from the client namespaces and to the hosts that pass the filters, of the groups
   * that pass {@code groups}, in matrix order, expanding one at a time: a report of a large mesh writes each and lets
   * it go (every route of 10,000 resources with its explanation takes gigabytes). Each call expands them afresh.
   */
  public void forEachRoute(
      Predicate<String> clientNamespace, Predicate<String> host, Predicate<RouteGroup> groups,
      Consumer<Route> action) {
    table.forEachMember(clientNamespace, host, groups, (g, n) -> action.accept(g.route(n)));
  }

  /**
   * {@link #forEachRoute} without building the routes: {@code action} gets each route's client namespace and group,
   * which holds the route's outcome (host, port, subset, both sides, verdict, sources); only the explanation, the wire
   * and the fix are left out. For a report that lists a million routes and explains only the few that are not OK.
   */
  public void forEachOutcome(
      Predicate<String> clientNamespace, Predicate<String> host, Predicate<RouteGroup> groups,
      BiConsumer<String, RouteGroup> action) {
    table.forEachMember(clientNamespace, host, groups, (g, n) -> action.accept(g.clientNamespace(n), g));
  }

  /** The causes of the CONFLICT and INSECURE routes, each once. */
  public List<RootCause> rootCauses() {
    return rootCauses;
  }

  /** Ignored or ineffective TLS configuration. */
  public List<IgnoredConfig> ignored() {
    return ignored;
  }

  /** The ignored configuration of one cause. */
  public List<IgnoredConfig> ignored(IgnoredConfig.Cause cause) {
    return ignored.stream().filter(i -> i.cause() == cause).toList();
  }

  /** The root causes with this verdict. */
  public List<RootCause> rootCauses(Verdict verdict) {
    return rootCauses.stream().filter(c -> c.verdict() == verdict).toList();
  }

  /** True when some route fails. */
  public boolean hasConflicts() {
    return table.groups().stream().anyMatch(g -> g.verdict() == Verdict.CONFLICT);
  }

  int evaluations() {
    return table.evaluations();
  }
}
