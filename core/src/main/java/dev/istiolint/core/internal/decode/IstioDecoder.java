package dev.istiolint.core.internal.decode;

import dev.istiolint.core.internal.yaml.StringPool;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.LegacyAuthenticationPolicy;
import dev.istiolint.core.model.LegacyMtlsMode;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MtlsMode;
import dev.istiolint.core.model.PeerAuthentication;
import dev.istiolint.core.model.PortSelector;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.model.TlsMode;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.model.WorkloadEntry;
import dev.istiolint.core.model.WorkloadGroup;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Decoders for the networking and authentication kinds the TLS analysis reads. */
final class IstioDecoder {

  private final NodeReader r = NodeReader.DIRECT;
  private final CommonDecoders common = new CommonDecoders(r);

  // ---- DestinationRule ----

  DestinationRule destinationRule(Header h) {
    YMap s = h.spec();
    Located<String> host = r.str(s, "host").orElse(Located.of("", r.span(s)));
    List<DestinationRule.Subset> subsets = new ArrayList<>();
    for (YMap sub : r.maps(s, "subsets")) {
      Located<String> name = r.str(sub, "name").orElse(Located.of("", r.span(sub)));
      subsets.add(
          new DestinationRule.Subset(
              name, r.stringMap(sub, "labels"), r.map(sub, "trafficPolicy").map(this::trafficPolicy), r.span(sub)));
    }
    return new DestinationRule(
        h.ref(),
        h.meta(),
        h.span(),
        host,
        r.map(s, "trafficPolicy").map(this::trafficPolicy),
        subsets,
        r.strings(s, "exportTo"),
        common.selector(s, "workloadSelector"));
  }

  private DestinationRule.TrafficPolicy trafficPolicy(YMap tp) {
    List<DestinationRule.PortTrafficPolicy> ports = new ArrayList<>();
    for (YMap p : r.maps(tp, "portLevelSettings")) {
      PortSelector sel =
          r.map(p, "port").map(common::portSelector).orElse(new PortSelector(Optional.empty(), Optional.empty(), r.span(p)));
      ports.add(
          new DestinationRule.PortTrafficPolicy(
              sel,
              r.map(p, "tls").map(this::clientTls),
              r.present(p, "connectionPool"),
              r.present(p, "outlierDetection"),
              r.map(p, "loadBalancer").map(this::loadBalancer),
              r.span(p)));
    }
    return new DestinationRule.TrafficPolicy(
        r.map(tp, "tls").map(this::clientTls),
        r.present(tp, "connectionPool"),
        r.present(tp, "outlierDetection"),
        r.map(tp, "loadBalancer").map(this::loadBalancer),
        ports,
        r.present(tp, "tunnel"),
        r.present(tp, "proxyProtocol"),
        r.span(tp));
  }

  private DestinationRule.ClientTLSSettings clientTls(YMap t) {
    return new DestinationRule.ClientTLSSettings(
        r.enumOf(t, "mode", TlsMode.values(), TlsMode.UNSET, r.span(t)),
        r.str(t, "clientCertificate"),
        r.str(t, "privateKey"),
        r.str(t, "caCertificates"),
        r.str(t, "credentialName"),
        r.strings(t, "subjectAltNames"),
        r.str(t, "sni"),
        r.bool(t, "insecureSkipVerify"),
        r.span(t));
  }

  private DestinationRule.LoadBalancerSettings loadBalancer(YMap lb) {
    return new DestinationRule.LoadBalancerSettings(
        r.enumOf(
            lb,
            "simple",
            DestinationRule.LoadBalancerSimple.values(),
            DestinationRule.LoadBalancerSimple.UNSET,
            r.span(lb)),
        r.present(lb, "consistentHash"),
        r.span(lb));
  }

  // ---- PeerAuthentication ----

  PeerAuthentication peerAuthentication(Header h) {
    YMap s = h.spec();
    Optional<PeerAuthentication.MutualTLS> mtls =
        r.map(s, "mtls")
            .map(
                m ->
                    new PeerAuthentication.MutualTLS(
                        r.enumOf(m, "mode", MtlsMode.values(), MtlsMode.UNSET, r.span(m)), r.span(m)));
    List<PeerAuthentication.PortMtls> ports = new ArrayList<>();
    r.map(s, "portLevelMtls")
        .ifPresent(
            pm -> {
              for (YMap.Entry e : pm.entries()) {
                Optional<Integer> port = NodeReader.parseInt(e.key().value());
                if (port.isEmpty()) {
                  continue;
                }
                SourceSpan at = r.span(e.value());
                Located<MtlsMode> mode =
                    e.value() instanceof YMap m
                        ? r.enumOf(m, "mode", MtlsMode.values(), MtlsMode.UNSET, at)
                        : Located.of(MtlsMode.UNSET, at);
                ports.add(new PeerAuthentication.PortMtls(Located.of(port.get(), r.span(e.key())), mode, at));
              }
            });
    return new PeerAuthentication(h.ref(), h.meta(), h.span(), common.selector(s, "selector"), mtls, ports);
  }

  // ---- v1alpha1 MeshPolicy / Policy ----

  LegacyAuthenticationPolicy legacyPolicy(Header h) {
    YMap s = h.spec();
    List<LegacyAuthenticationPolicy.TargetSelector> targets = new ArrayList<>();
    for (YMap t : r.maps(s, "targets")) {
      Located<String> name = r.str(t, "name").orElse(Located.of("", r.span(t)));
      List<PortSelector> ports = new ArrayList<>();
      for (YMap p : r.maps(t, "ports")) {
        ports.add(common.portSelector(p));
      }
      targets.add(new LegacyAuthenticationPolicy.TargetSelector(name, ports, r.span(t)));
    }
    List<LegacyAuthenticationPolicy.PeerAuthenticationMethod> peers = new ArrayList<>();
    for (YMap p : r.maps(s, "peers")) {
      Optional<LegacyAuthenticationPolicy.MutualTls> mtls = Optional.empty();
      Optional<YMap.Entry> e = p.entry("mtls");
      if (e.isPresent()) {
        if (e.get().value() instanceof YMap m) {
          mtls =
              Optional.of(
                  new LegacyAuthenticationPolicy.MutualTls(
                      r.enumOf(m, "mode", LegacyMtlsMode.values(), LegacyMtlsMode.UNSET, r.span(m)),
                      r.bool(m, "allowTls"),
                      true,
                      r.span(m)));
        } else if (e.get().value() instanceof YScalar sc && sc.isNull()) {
          SourceSpan at = r.span(e.get().key());
          mtls =
              Optional.of(
                  new LegacyAuthenticationPolicy.MutualTls(
                      Located.of(LegacyMtlsMode.UNSET, at), Optional.empty(), false, at));
        }
      }
      peers.add(
          new LegacyAuthenticationPolicy.PeerAuthenticationMethod(mtls, r.map(p, "jwt").map(this::jwt), r.span(p)));
    }
    List<LegacyAuthenticationPolicy.OriginAuthenticationMethod> origins = new ArrayList<>();
    for (YMap o : r.maps(s, "origins")) {
      origins.add(new LegacyAuthenticationPolicy.OriginAuthenticationMethod(r.map(o, "jwt").map(this::jwt), r.span(o)));
    }
    return new LegacyAuthenticationPolicy(
        targets,
        peers,
        r.bool(s, "peerIsOptional"),
        origins,
        r.bool(s, "originIsOptional"),
        r.str(s, "principalBinding"),
        r.span(s));
  }

  private LegacyAuthenticationPolicy.Jwt jwt(YMap j) {
    return new LegacyAuthenticationPolicy.Jwt(r.str(j, "issuer"), r.str(j, "jwksUri"), r.span(j));
  }

  // ---- ServiceEntry ----

  ServiceEntry serviceEntry(Header h) {
    YMap s = h.spec();
    List<dev.istiolint.core.model.Port> ports = new ArrayList<>();
    for (YMap p : r.maps(s, "ports")) {
      ports.add(common.port(p));
    }
    List<WorkloadEntry.Spec> endpoints = new ArrayList<>();
    for (YMap e : r.maps(s, "endpoints")) {
      endpoints.add(common.workloadEntry(e));
    }
    return new ServiceEntry(
        h.ref(),
        h.meta(),
        h.span(),
        r.strings(s, "hosts"),
        r.strings(s, "addresses"),
        ports,
        r.enumOf(s, "location", ServiceEntry.Location.values(), ServiceEntry.Location.UNSET, r.span(s)),
        r.enumOf(s, "resolution", ServiceEntry.Resolution.values(), ServiceEntry.Resolution.UNSET, r.span(s)),
        endpoints,
        common.networkingSelector(s, "workloadSelector"),
        r.strings(s, "exportTo"),
        r.strings(s, "subjectAltNames"),
        statusAddresses(h));
  }

  /** {@code status.addresses[].value}: the addresses the control plane allocated (a cluster dump has them). */
  private List<Located<String>> statusAddresses(Header h) {
    List<Located<String>> out = new ArrayList<>();
    r.map(h.root(), "status")
        .ifPresent(st -> r.maps(st, "addresses").forEach(a -> r.str(a, "value").ifPresent(out::add)));
    return out;
  }

  WorkloadEntry workloadEntry(Header h) {
    return new WorkloadEntry(h.ref(), h.meta(), h.span(), common.workloadEntry(h.spec()));
  }

  WorkloadGroup workloadGroup(Header h) {
    YMap s = h.spec();
    Optional<YMap> meta = r.map(s, "metadata");
    return new WorkloadGroup(
        h.ref(),
        h.meta(),
        h.span(),
        meta.map(m -> r.stringMap(m, "labels")).orElse(java.util.Map.of()),
        meta.map(m -> r.stringMap(m, "annotations")).orElse(java.util.Map.of()),
        r.map(s, "template").map(common::workloadEntry),
        r.present(s, "probe"));
  }

  // ---- VirtualService ----

  VirtualService virtualService(Header h) {
    YMap s = h.spec();
    return new VirtualService(
        h.ref(),
        h.meta(),
        h.span(),
        r.strings(s, "hosts"),
        r.strings(s, "gateways"),
        r.strings(s, "exportTo"),
        routes(s, "http", VirtualService.RouteKind.HTTP, h.strings()),
        routes(s, "tcp", VirtualService.RouteKind.TCP, h.strings()),
        routes(s, "tls", VirtualService.RouteKind.TLS, h.strings()));
  }

  private List<VirtualService.Route> routes(
      YMap s, String key, VirtualService.RouteKind kind, StringPool strings) {
    List<VirtualService.Route> out = new ArrayList<>();
    for (YMap route : r.maps(s, key)) {
      List<VirtualService.Match> matches = new ArrayList<>();
      for (YMap m : r.maps(route, "match")) {
        matches.add(match(m, strings));
      }
      List<VirtualService.RouteDestination> dests = new ArrayList<>();
      for (YMap d : r.maps(route, "route")) {
        // an entry without destination keeps an empty host at the entry, so rules can report it
        VirtualService.Destination dest =
            r.map(d, "destination")
                .map(this::destination)
                .orElse(
                    new VirtualService.Destination(
                        Located.of("", r.span(d)), Optional.empty(), Optional.empty(), r.span(d)));
        dests.add(new VirtualService.RouteDestination(dest, r.integer(d, "weight"), r.span(d)));
      }
      Optional<VirtualService.Delegate> delegate =
          r.map(route, "delegate")
              .flatMap(
                  d ->
                      r.str(d, "name")
                          .map(n -> new VirtualService.Delegate(n, r.str(d, "namespace"), r.span(d))));
      out.add(
          new VirtualService.Route(
              kind,
              r.str(route, "name"),
              matches,
              dests,
              r.map(route, "mirror").map(this::destination),
              delegate,
              r.present(route, "redirect"),
              r.present(route, "directResponse"),
              r.span(route),
              r.map(route, "fault").flatMap(f -> r.map(f, "delay")).flatMap(dl -> r.integer(dl, "percent"))));
    }
    return out;
  }

  private VirtualService.Match match(YMap m, StringPool strings) {
    Optional<VirtualService.StringMatch> uri = Optional.empty();
    Optional<YMap> u = r.map(m, "uri");
    if (u.isPresent()) {
      for (String type : new String[] {"exact", "prefix", "regex"}) {
        Optional<Located<String>> v = r.str(u.get(), type);
        if (v.isPresent()) {
          uri = Optional.of(new VirtualService.StringMatch(type, v.get()));
          break;
        }
      }
    }
    return new VirtualService.Match(
        r.str(m, "name"),
        r.integer(m, "port"),
        r.strings(m, "gateways"),
        r.stringMap(m, "sourceLabels"),
        r.str(m, "sourceNamespace"),
        r.strings(m, "sniHosts"),
        uri,
        r.span(m),
        strings.intern(conditions(m)));
  }

  /** Every condition of a match except its name, as canonical text (keys sorted). */
  private static String conditions(YMap m) {
    StringBuilder sb = new StringBuilder("{");
    m.entries().stream()
        .filter(e -> !e.key().value().equals("name"))
        .sorted(Comparator.comparing(e -> e.key().value()))
        .forEach(e -> sb.append(e.key().value()).append('=').append(canonical(e.value())).append(';'));
    return sb.append('}').toString();
  }

  private static String canonical(YNode n) {
    if (n instanceof YMap map) {
      StringBuilder sb = new StringBuilder("{");
      map.entries().stream()
          .sorted(Comparator.comparing(e -> e.key().value()))
          .forEach(e -> sb.append(e.key().value()).append('=').append(canonical(e.value())).append(';'));
      return sb.append('}').toString();
    }
    if (n instanceof YSeq seq) {
      StringBuilder sb = new StringBuilder("[");
      seq.items().forEach(i -> sb.append(canonical(i)).append(','));
      return sb.append(']').toString();
    }
    return n instanceof YScalar s ? (s.isNull() ? "null" : "\"" + s.value() + "\"") : "?";
  }

  private VirtualService.Destination destination(YMap d) {
    Optional<Located<Integer>> port = r.map(d, "port").flatMap(p -> r.integer(p, "number"));
    return new VirtualService.Destination(
        r.str(d, "host").orElse(Located.of("", r.span(d))), r.str(d, "subset"), port, r.span(d));
  }

  // ---- Gateway ----

  Gateway gateway(Header h) {
    YMap s = h.spec();
    List<Gateway.Server> servers = new ArrayList<>();
    for (YMap sv : r.maps(s, "servers")) {
      servers.add(
          new Gateway.Server(
              common.port(sv, "port"),
              r.strings(sv, "hosts"),
              common.serverTls(sv, "tls"),
              r.str(sv, "bind"),
              r.str(sv, "defaultEndpoint"),
              r.str(sv, "name"),
              r.span(sv)));
    }
    return new Gateway(h.ref(), h.meta(), h.span(), r.stringMap(s, "selector"), servers);
  }
}
