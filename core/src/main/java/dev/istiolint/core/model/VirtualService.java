package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code networking.istio.io} VirtualService. {@code http}, {@code tcp} and {@code tls} routes share one record type,
 * {@link Route}, tagged with its {@link RouteKind}.
 */
public record VirtualService(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    List<Located<String>> hosts,
    List<Located<String>> gateways,
    List<Located<String>> exportTo,
    List<Route> http,
    List<Route> tcp,
    List<Route> tls)
    implements IstioResource {

  public VirtualService {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    hosts = List.copyOf(hosts);
    gateways = List.copyOf(gateways);
    exportTo = List.copyOf(exportTo);
    http = List.copyOf(http);
    tcp = List.copyOf(tcp);
    tls = List.copyOf(tls);
  }

  /** http, then tcp, then tls routes. */
  public List<Route> allRoutes() {
    List<Route> out = new ArrayList<>(http.size() + tcp.size() + tls.size());
    out.addAll(http);
    out.addAll(tcp);
    out.addAll(tls);
    return out;
  }

  /** Every destination of every route (including http mirrors), in document order. */
  public List<Destination> allDestinations() {
    List<Destination> out = new ArrayList<>();
    for (Route r : allRoutes()) {
      r.route().forEach(d -> out.add(d.destination()));
      r.mirror().ifPresent(out::add);
    }
    return out;
  }

  /** True when {@code gateways} is empty or names {@code mesh} (the VirtualService applies to sidecars). */
  public boolean appliesToMesh() {
    return gateways.isEmpty() || gateways.stream().anyMatch(g -> g.value().equals("mesh"));
  }

  /** Which list a route came from. */
  public enum RouteKind {
    HTTP,
    TCP,
    TLS
  }

  /** An {@code http[]}, {@code tcp[]} or {@code tls[]} entry. */
  public static final class Route {

    private final RouteKind kind;
    private final Located<String> name;
    private final List<Match> match;
    private final List<RouteDestination> route;
    private final Destination mirror;
    private final Delegate delegate;
    private final SourceSpan redirect;
    private final SourceSpan directResponse;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;
    private final Located<Integer> faultDelayPercent;

    public Route(
        RouteKind kind,
        Optional<Located<String>> name,
        List<Match> match,
        List<RouteDestination> route,
        Optional<Destination> mirror,
        Optional<Delegate> delegate,
        Optional<SourceSpan> redirect,
        Optional<SourceSpan> directResponse,
        SourceSpan span,
        Optional<Located<Integer>> faultDelayPercent) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.name = name.orElse(null);
      this.match = List.copyOf(match);
      this.route = List.copyOf(route);
      this.mirror = mirror.orElse(null);
      this.delegate = delegate.orElse(null);
      this.redirect = redirect.orElse(null);
      this.directResponse = directResponse.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
      this.faultDelayPercent = faultDelayPercent.orElse(null);
    }

    public RouteKind kind() {
      return kind;
    }

    public Optional<Located<String>> name() {
      return Optional.ofNullable(name);
    }

    public List<Match> match() {
      return match;
    }

    public List<RouteDestination> route() {
      return route;
    }

    public Optional<Destination> mirror() {
      return Optional.ofNullable(mirror);
    }

    public Optional<Delegate> delegate() {
      return Optional.ofNullable(delegate);
    }

    public Optional<SourceSpan> redirect() {
      return Optional.ofNullable(redirect);
    }

    public Optional<SourceSpan> directResponse() {
      return Optional.ofNullable(directResponse);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    public Optional<Located<Integer>> faultDelayPercent() {
      return Optional.ofNullable(faultDelayPercent);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof Route other
          && kind.equals(other.kind)
          && Objects.equals(name, other.name)
          && match.equals(other.match)
          && route.equals(other.route)
          && Objects.equals(mirror, other.mirror)
          && Objects.equals(delegate, other.delegate)
          && Objects.equals(redirect, other.redirect)
          && Objects.equals(directResponse, other.directResponse)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt)
          && Objects.equals(faultDelayPercent, other.faultDelayPercent);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + kind.hashCode();
      h = h * 31 + Objects.hashCode(name);
      h = h * 31 + match.hashCode();
      h = h * 31 + route.hashCode();
      h = h * 31 + Objects.hashCode(mirror);
      h = h * 31 + Objects.hashCode(delegate);
      h = h * 31 + Objects.hashCode(redirect);
      h = h * 31 + Objects.hashCode(directResponse);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      h = h * 31 + Objects.hashCode(faultDelayPercent);
      return h;
    }

    @Override
    public String toString() {
      return "Route["
          + "kind=" + kind
          + ", name=" + name()
          + ", match=" + match
          + ", route=" + route
          + ", mirror=" + mirror()
          + ", delegate=" + delegate()
          + ", redirect=" + redirect()
          + ", directResponse=" + directResponse()
          + ", span=" + span()
          + ", faultDelayPercent=" + faultDelayPercent()
          + "]";
    }

    /** A route without the deprecated {@code fault.delay.percent}. */
    public Route(
        RouteKind kind,
        Optional<Located<String>> name,
        List<Match> match,
        List<RouteDestination> route,
        Optional<Destination> mirror,
        Optional<Delegate> delegate,
        Optional<SourceSpan> redirect,
        Optional<SourceSpan> directResponse,
        SourceSpan span) {
      this(kind, name, match, route, mirror, delegate, redirect, directResponse, span, Optional.empty());
    }
  }  /**
   * A match condition ({@code HTTPMatchRequest}, {@code L4MatchAttributes} or {@code TLSMatchAttributes}): the parts
   * the analyses read. {@code uri} is kept as {@code prefix|exact|regex} plus value. {@code conditions} is every
   * condition of the match except its {@code name}, in a canonical text form (keys sorted), so that two matches
   * compare equal exactly when they match the same requests literally.
   */
  public record Match(
      Optional<Located<String>> name,
      Optional<Located<Integer>> port,
      List<Located<String>> gateways,
      Map<String, Located<String>> sourceLabels,
      Optional<Located<String>> sourceNamespace,
      List<Located<String>> sniHosts,
      Optional<StringMatch> uri,
      SourceSpan span,
      String conditions) {

    public Match {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(port, "port");
      gateways = List.copyOf(gateways);
      sourceLabels = Map.copyOf(sourceLabels);
      Objects.requireNonNull(sourceNamespace, "sourceNamespace");
      sniHosts = List.copyOf(sniHosts);
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(span, "span");
      Objects.requireNonNull(conditions, "conditions");
    }

    /** A match whose full conditions are not recorded. */
    public Match(
        Optional<Located<String>> name,
        Optional<Located<Integer>> port,
        List<Located<String>> gateways,
        Map<String, Located<String>> sourceLabels,
        Optional<Located<String>> sourceNamespace,
        List<Located<String>> sniHosts,
        Optional<StringMatch> uri,
        SourceSpan span) {
      this(name, port, gateways, sourceLabels, sourceNamespace, sniHosts, uri, span, "");
    }
  }

  /** A {@code StringMatch}: which of exact, prefix or regex, and the value. */
  public record StringMatch(String type, Located<String> value) {
    public StringMatch {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A {@code route[]} entry: the destination and its weight. */
  public static final class RouteDestination {

    private final Destination destination;
    private final Located<Integer> weight;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;

    public RouteDestination(
        Destination destination,
        Optional<Located<Integer>> weight,
        SourceSpan span) {
      this.destination = Objects.requireNonNull(destination, "destination");
      this.weight = weight.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
    }

    public Destination destination() {
      return destination;
    }

    public Optional<Located<Integer>> weight() {
      return Optional.ofNullable(weight);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof RouteDestination other
          && destination.equals(other.destination)
          && Objects.equals(weight, other.weight)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + destination.hashCode();
      h = h * 31 + Objects.hashCode(weight);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      return h;
    }

    @Override
    public String toString() {
      return "RouteDestination["
          + "destination=" + destination
          + ", weight=" + weight()
          + ", span=" + span()
          + "]";
    }
  }  /** {@code Destination}: host as written (short names expand in the VirtualService's namespace), subset, port. */
  public static final class Destination {

    private final Located<String> host;
    private final Located<String> subset;
    private final Located<Integer> port;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;

    public Destination(
        Located<String> host,
        Optional<Located<String>> subset,
        Optional<Located<Integer>> port,
        SourceSpan span) {
      this.host = Objects.requireNonNull(host, "host");
      this.subset = subset.orElse(null);
      this.port = port.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
    }

    public Located<String> host() {
      return host;
    }

    public Optional<Located<String>> subset() {
      return Optional.ofNullable(subset);
    }

    public Optional<Located<Integer>> port() {
      return Optional.ofNullable(port);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof Destination other
          && host.equals(other.host)
          && Objects.equals(subset, other.subset)
          && Objects.equals(port, other.port)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + host.hashCode();
      h = h * 31 + Objects.hashCode(subset);
      h = h * 31 + Objects.hashCode(port);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      return h;
    }

    @Override
    public String toString() {
      return "Destination["
          + "host=" + host
          + ", subset=" + subset()
          + ", port=" + port()
          + ", span=" + span()
          + "]";
    }
  }  /** {@code delegate}: another VirtualService by name and namespace. */
  public record Delegate(Located<String> name, Optional<Located<String>> namespace, SourceSpan span) {
    public Delegate {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(span, "span");
    }
  }
}
