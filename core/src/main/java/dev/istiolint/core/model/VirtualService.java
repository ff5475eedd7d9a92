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
  public record Route(
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

    public Route {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      match = List.copyOf(match);
      route = List.copyOf(route);
      Objects.requireNonNull(mirror, "mirror");
      Objects.requireNonNull(delegate, "delegate");
      Objects.requireNonNull(redirect, "redirect");
      Objects.requireNonNull(directResponse, "directResponse");
      Objects.requireNonNull(span, "span");
      Objects.requireNonNull(faultDelayPercent, "faultDelayPercent");
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
  }

  /**
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
  public record RouteDestination(Destination destination, Optional<Located<Integer>> weight, SourceSpan span) {
    public RouteDestination {
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(weight, "weight");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code Destination}: host as written (short names expand in the VirtualService's namespace), subset, port. */
  public record Destination(
      Located<String> host, Optional<Located<String>> subset, Optional<Located<Integer>> port, SourceSpan span) {
    public Destination {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(subset, "subset");
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code delegate}: another VirtualService by name and namespace. */
  public record Delegate(Located<String> name, Optional<Located<String>> namespace, SourceSpan span) {
    public Delegate {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(span, "span");
    }
  }
}
