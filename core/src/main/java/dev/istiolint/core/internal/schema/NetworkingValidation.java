package dev.istiolint.core.internal.schema;

import static dev.istiolint.core.internal.schema.SemanticChecks.at;
import static dev.istiolint.core.internal.schema.SemanticChecks.items;
import static dev.istiolint.core.internal.schema.SemanticChecks.text;
import static dev.istiolint.core.internal.schema.SemanticChecks.texts;

import dev.istiolint.core.model.IstioVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Istio's validation of networking.istio.io resources, beyond the schema. */
final class NetworkingValidation {

  private static final String SPEC = "/spec";

  /** Protocol names Istio recognises for a port (case-insensitive). */
  private static final Set<String> PROTOCOLS =
      Set.of(
          "http", "https", "http2", "grpc", "grpc-web", "tcp", "tls", "udp", "mongo", "redis", "mysql", "http_proxy");

  /** Route weights had to add up to 100 until Istio 1.9 relaxed it (they are now relative). */
  private static final IstioVersion WEIGHTS_RELATIVE_SINCE = new IstioVersion(1, 9);

  private final SemanticChecks c;

  private NetworkingValidation(SemanticChecks c) {
    this.c = c;
  }

  static void check(SemanticChecks c, String kind, JsonNode spec) {
    if (!spec.isObject()) {
      return;
    }
    NetworkingValidation v = new NetworkingValidation(c);
    switch (kind) {
      case "DestinationRule" -> v.destinationRule(spec);
      case "VirtualService" -> v.virtualService(spec);
      case "Gateway" -> v.gateway(spec);
      case "ServiceEntry" -> v.serviceEntry(spec);
      case "Sidecar" -> v.sidecar(spec);
      case "WorkloadEntry" -> v.workloadEntry(spec, SPEC);
      default -> {
        // no further checks
      }
    }
  }

  // DestinationRule ---------------------------------------------------------------------------------------------

  private void destinationRule(JsonNode spec) {
    text(spec, "host").ifPresent(h -> c.checkHost(at(SPEC, "host"), h, true));
    boolean selector = spec.has("workloadSelector");
    c.checkExportTo(spec, SPEC, false, selector);
    if (spec.has("trafficPolicy")) {
      trafficPolicy(spec.path("trafficPolicy"), at(SPEC, "trafficPolicy"));
    }
    Map<String, String> subsets = new HashMap<>();
    items(
        spec,
        SPEC,
        "subsets",
        (p, subset) -> {
          Optional<String> name = text(subset, "name");
          if (name.isPresent()) {
            String namePointer = at(p, "name");
            if (!SemanticChecks.isDnsLabel(name.get())) {
              c.error(
                  namePointer,
                  false,
                  "subset name `" + ValueText.cut(name.get()) + "` is not a valid DNS label (letters, digits and '-')");
            }
            String first = subsets.putIfAbsent(name.get(), namePointer);
            if (first != null) {
              c.error(
                  namePointer,
                  false,
                  "duplicate subset name `"
                      + ValueText.cut(name.get())
                      + "` (first defined on line "
                      + c.lineOf(first)
                      + ")");
            }
          }
          if (subset.has("trafficPolicy")) {
            trafficPolicy(subset.path("trafficPolicy"), at(p, "trafficPolicy"));
          }
        });
  }

  private void trafficPolicy(JsonNode policy, String pointer) {
    if (!policy.isObject()) {
      return;
    }
    if (policy.isEmpty()) {
      c.error(pointer, true, "trafficPolicy sets nothing; remove it or set at least one field");
      return;
    }
    settings(policy, pointer);
    items(
        policy,
        pointer,
        "portLevelSettings",
        (p, entry) -> {
          if (!entry.isObject()) {
            return;
          }
          boolean hasSetting =
              entry.has("connectionPool")
                  || entry.has("loadBalancer")
                  || entry.has("outlierDetection")
                  || entry.has("tls");
          if (!hasSetting) {
            c.error(
                p,
                false,
                "port-level traffic policy sets nothing; set at least one of connectionPool, loadBalancer,"
                    + " outlierDetection or tls");
          }
          if (!entry.path("port").has("number")) {
            c.error(p, false, "port-level traffic policy needs `port.number`");
          }
          settings(entry, p);
        });
  }

  private void settings(JsonNode policy, String pointer) {
    JsonNode tls = policy.path("tls");
    if (tls.isObject()) {
      clientTls(tls, at(pointer, "tls"));
    }
    JsonNode lb = policy.path("loadBalancer");
    if (lb.isObject()) {
      if (lb.has("simple") && lb.has("consistentHash")) {
        c.error(at(pointer, "loadBalancer"), true, "loadBalancer sets both `simple` and `consistentHash`; set one");
      }
      JsonNode locality = lb.path("localityLbSetting");
      if (locality.has("distribute") && locality.has("failover")) {
        c.error(
            at(at(pointer, "loadBalancer"), "localityLbSetting"),
            true,
            "localityLbSetting cannot set both `distribute` and `failover`");
      }
    }
    JsonNode od = policy.path("outlierDetection");
    if (od.isObject()) {
      String odp = at(pointer, "outlierDetection");
      for (String f : List.of("maxEjectionPercent", "minHealthPercent")) {
        c.checkPercent(od.path(f), at(odp, f), "outlierDetection." + f);
      }
    }
  }

  private void clientTls(JsonNode tls, String pointer) {
    String mode = text(tls, "mode").orElse("");
    boolean credential = tls.has("credentialName");
    if (mode.equals("MUTUAL") && !credential) {
      for (String f : List.of("clientCertificate", "privateKey")) {
        if (!tls.has(f)) {
          c.error(
              at(pointer, "mode"),
              false,
              "tls mode MUTUAL needs `" + f + "` (or a `credentialName` that holds the client certificate and key)");
        }
      }
    }
    if (mode.equals("ISTIO_MUTUAL")) {
      for (String f : List.of("clientCertificate", "privateKey", "caCertificates", "credentialName", "caCrl")) {
        if (tls.has(f)) {
          c.error(
              at(pointer, f),
              true,
              "`" + f + "` cannot be set with tls mode ISTIO_MUTUAL, which uses Istio's own certificates");
        }
      }
    }
  }

  // VirtualService ----------------------------------------------------------------------------------------------

  private void virtualService(JsonNode spec) {
    List<String> hosts = texts(spec, "hosts");
    for (int i = 0; i < hosts.size(); i++) {
      c.checkHost(SemanticChecks.at(SPEC, "hosts") + "/" + i, hosts.get(i), true);
    }
    if (hosts.isEmpty() && !texts(spec, "gateways").isEmpty()) {
      c.error(
          at(SPEC, "gateways"),
          true,
          "a VirtualService without hosts is a delegate and cannot name gateways; add hosts or remove gateways");
    }
    c.checkExportTo(spec, SPEC, true, false);
    items(spec, SPEC, "http", this::httpRoute);
    items(spec, SPEC, "tcp", (p, r) -> weights(r, p));
    items(spec, SPEC, "tls", (p, r) -> weights(r, p));
  }

  private void httpRoute(String p, JsonNode route) {
    if (!route.isObject()) {
      return;
    }
    boolean hasRoute = route.path("route").isArray() && !route.path("route").isEmpty();
    boolean redirect = route.has("redirect");
    boolean direct = route.has("directResponse");
    boolean delegate = route.has("delegate");
    if (!hasRoute && !redirect && !direct && !delegate) {
      c.error(p, false, "an HTTP route needs `route`, `redirect`, `directResponse` or `delegate`");
    }
    if (hasRoute && redirect) {
      c.error(at(p, "redirect"), true, "an HTTP route cannot set both `route` and `redirect`");
    }
    if (direct && (hasRoute || redirect)) {
      c.error(at(p, "directResponse"), true, "`directResponse` cannot be combined with `route` or `redirect`");
    }
    items(
        route,
        p,
        "match",
        (mp, match) -> {
          for (String f : List.of("uri", "scheme", "method", "authority")) {
            c.checkStringMatch(match.path(f), at(mp, f));
          }
          for (String f : List.of("headers", "queryParams", "withoutHeaders")) {
            JsonNode map = match.path(f);
            if (map.isObject()) {
              for (Map.Entry<String, JsonNode> e : map.properties()) {
                c.checkStringMatch(e.getValue(), JsonPointers.child(at(mp, f), e.getKey()));
              }
            }
          }
        });
    items(route.path("corsPolicy"), at(p, "corsPolicy"), "allowOrigins", (op, o) -> c.checkStringMatch(o, op));
    JsonNode uriRegex = route.path("rewrite").path("uriRegexRewrite");
    text(uriRegex, "match").ifPresent(r -> c.checkRegex(at(at(at(p, "rewrite"), "uriRegexRewrite"), "match"), r));
    JsonNode fault = route.path("fault");
    for (String f : List.of("delay", "abort")) {
      c.checkPercent(
          fault.path(f).path("percentage").path("value"),
          at(at(at(at(p, "fault"), f), "percentage"), "value"),
          "fault." + f + ".percentage.value");
    }
    c.checkPercent(
        route.path("mirrorPercentage").path("value"), at(at(p, "mirrorPercentage"), "value"), "mirrorPercentage");
    JsonNode attempts = route.path("retries").path("attempts");
    if (attempts.isIntegralNumber() && attempts.asInt() < 0) {
      c.error(at(at(p, "retries"), "attempts"), false, "retries.attempts cannot be negative");
    }
    weights(route, p);
  }

  private void weights(JsonNode route, String p) {
    JsonNode dests = route.path("route");
    if (!dests.isArray() || dests.isEmpty()) {
      return;
    }
    long total = 0;
    boolean anyWeight = false;
    for (int i = 0; i < dests.size(); i++) {
      JsonNode w = dests.get(i).path("weight");
      if (w.isIntegralNumber()) {
        anyWeight = true;
        total += w.asLong();
        if (w.asLong() < 0) {
          c.error(at(at(p, "route") + "/" + i, "weight"), false, "route weight " + w.asLong() + " cannot be negative");
        }
      }
    }
    if (dests.size() > 1 && anyWeight && total == 0) {
      c.error(at(p, "route"), true, "the route weights add up to 0; no destination would get traffic");
    } else if (anyWeight && total != 100 && (dests.size() > 1 || total != 0)) {
      c.errorFor(
          at(p, "route"),
          "the route weights add up to " + total + ", not 100 (Istio before 1.9 rejects this)",
          Optional.empty(),
          Optional.of(WEIGHTS_RELATIVE_SINCE));
    }
  }

  // Gateway -----------------------------------------------------------------------------------------------------

  private void gateway(JsonNode spec) {
    JsonNode servers = spec.path("servers");
    if (!servers.isArray() || servers.isEmpty()) {
      c.error(spec.has("servers") ? at(SPEC, "servers") : SPEC, true, "a Gateway needs at least one server");
      return;
    }
    Map<String, Long> portNames = new HashMap<>();
    items(
        spec,
        SPEC,
        "servers",
        (p, server) -> {
          List<String> hosts = texts(server, "hosts");
          if (server.path("hosts").isArray() && hosts.isEmpty()) {
            c.error(at(p, "hosts"), true, "a Gateway server needs at least one host");
          }
          for (int i = 0; i < hosts.size(); i++) {
            namespacedHost(at(p, "hosts") + "/" + i, hosts.get(i), false);
          }
          JsonNode port = server.path("port");
          String protocol = text(port, "protocol").orElse("");
          if (!protocol.isEmpty() && !PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT))) {
            c.error(at(at(p, "port"), "protocol"), false, "unknown protocol `" + ValueText.cut(protocol) + "`");
          }
          String upper = protocol.toUpperCase(Locale.ROOT);
          if ((upper.equals("HTTPS") || upper.equals("TLS")) && !server.has("tls")) {
            c.error(at(at(p, "port"), "protocol"), false, "a server with protocol " + upper + " needs `tls` settings");
          }
          Optional<String> name = text(port, "name");
          if (name.isPresent() && port.path("number").isIntegralNumber()) {
            Long number = port.path("number").asLong();
            Long before = portNames.putIfAbsent(name.get(), number);
            if (before != null && !before.equals(number)) {
              c.error(
                  at(at(p, "port"), "name"),
                  false,
                  "port name `"
                      + ValueText.cut(name.get())
                      + "` is already used for port "
                      + before
                      + "; names must be unique");
            }
          }
          JsonNode tls = server.path("tls");
          if (tls.isObject()) {
            serverTls(tls, at(p, "tls"));
          }
        });
  }

  private void serverTls(JsonNode tls, String pointer) {
    c.atMostOne(tls, pointer, "credentialName", "credentialNames", "tlsCertificates");
    String mode = text(tls, "mode").orElse("SIMPLE");
    if (tls.path("httpsRedirect").asBoolean(false) && tls.size() == 1) {
      return;
    }
    boolean credential = tls.has("credentialName") || tls.has("credentialNames") || tls.has("tlsCertificates");
    if ((mode.equals("SIMPLE") || mode.equals("MUTUAL") || mode.equals("OPTIONAL_MUTUAL")) && !credential) {
      for (String f : List.of("serverCertificate", "privateKey")) {
        if (!tls.has(f)) {
          c.error(
              tls.has("mode") ? at(pointer, "mode") : pointer,
              !tls.has("mode"),
              "tls mode " + mode + " needs `" + f + "` or a `credentialName`");
        }
      }
      if (!mode.equals("SIMPLE") && !tls.has("caCertificates")) {
        c.error(
            at(pointer, "mode"),
            false,
            "tls mode " + mode + " needs `caCertificates` or a `credentialName` to verify client certificates");
      }
    }
  }

  /** Checks a {@code namespace/host} entry as Gateways and Sidecars use them. */
  private void namespacedHost(String pointer, String value, boolean namespaceRequired) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      if (namespaceRequired) {
        c.error(
            pointer,
            false,
            "host `" + ValueText.cut(value) + "` must have the form namespace/host, such as ./" + ValueText.cut(value));
        return;
      }
      c.checkHost(pointer, value, true);
      return;
    }
    String ns = value.substring(0, slash);
    String host = value.substring(slash + 1);
    if (!ns.equals("*") && !ns.equals(".") && !ns.equals("~") && !SemanticChecks.isDnsLabel(ns)) {
      c.error(pointer, false, "`" + ValueText.cut(ns) + "` in `" + ValueText.cut(value) + "` is not a namespace name");
      return;
    }
    c.checkHost(pointer, host, true);
  }

  // ServiceEntry ------------------------------------------------------------------------------------------------

  private void serviceEntry(JsonNode spec) {
    List<String> hosts = texts(spec, "hosts");
    for (int i = 0; i < hosts.size(); i++) {
      c.checkHost(at(SPEC, "hosts") + "/" + i, hosts.get(i), false);
    }
    c.checkExportTo(spec, SPEC, true, false);
    String resolution = text(spec, "resolution").orElse("NONE");
    boolean endpoints = spec.path("endpoints").isArray() && !spec.path("endpoints").isEmpty();
    if (spec.has("workloadSelector") && spec.has("endpoints")) {
      c.error(at(SPEC, "workloadSelector"), true, "a ServiceEntry cannot set both `workloadSelector` and `endpoints`");
    }
    if (resolution.equals("NONE") && endpoints) {
      c.error(at(SPEC, "endpoints"), true, "resolution NONE cannot have endpoints; use STATIC or DNS");
    }
    if (resolution.equals("DNS_ROUND_ROBIN") && spec.path("endpoints").size() > 1) {
      c.error(at(SPEC, "endpoints"), true, "resolution DNS_ROUND_ROBIN allows at most one endpoint");
    }
    if (!resolution.equals("NONE") && !resolution.equals("STATIC")) {
      List<String> addresses = texts(spec, "addresses");
      for (int i = 0; i < addresses.size(); i++) {
        if (addresses.get(i).contains("/")) {
          c.error(
              at(SPEC, "addresses") + "/" + i,
              false,
              "CIDR address `" + ValueText.cut(addresses.get(i)) + "` needs resolution NONE or STATIC");
        }
      }
    }
    items(spec, SPEC, "endpoints", (p, endpoint) -> workloadEntry(endpoint, p));
    c.selectorLabels(spec.path("workloadSelector").path("labels"), at(at(SPEC, "workloadSelector"), "labels"));
    Map<Long, String> numbers = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    items(
        spec,
        SPEC,
        "ports",
        (p, port) -> {
          JsonNode number = port.path("number");
          if (number.isIntegralNumber() && numbers.putIfAbsent(number.asLong(), p) != null) {
            c.error(at(p, "number"), false, "port number " + number.asLong() + " is listed twice");
          }
          Optional<String> name = text(port, "name");
          if (name.isPresent() && names.putIfAbsent(name.get(), p) != null) {
            c.error(at(p, "name"), false, "port name `" + ValueText.cut(name.get()) + "` is listed twice");
          }
          text(port, "protocol")
              .filter(pr -> !pr.isEmpty() && !PROTOCOLS.contains(pr.toLowerCase(Locale.ROOT)))
              .ifPresent(pr -> c.error(at(p, "protocol"), false, "unknown protocol `" + ValueText.cut(pr) + "`"));
        });
  }

  // Sidecar -----------------------------------------------------------------------------------------------------

  private void workloadEntry(JsonNode entry, String pointer) {
    if (!entry.isObject()) {
      return;
    }
    String address = entry.path("address").asString("");
    if (address.isEmpty() && !entry.has("network")) {
      c.error(pointer, true, "a workload entry needs an `address` (or a `network` for a remote gateway)");
    }
    if (address.startsWith("unix://") && entry.has("ports")) {
      c.error(at(pointer, "ports"), true, "a Unix domain socket address cannot have `ports`");
    }
  }

  private void sidecar(JsonNode spec) {
    c.selectorLabels(spec.path("workloadSelector").path("labels"), at(at(SPEC, "workloadSelector"), "labels"));
    items(
        spec,
        SPEC,
        "egress",
        (p, egress) -> {
          List<String> hosts = texts(egress, "hosts");
          if (egress.path("hosts").isArray() && hosts.isEmpty()) {
            c.error(at(p, "hosts"), true, "a Sidecar egress listener needs at least one host");
          }
          for (int i = 0; i < hosts.size(); i++) {
            namespacedHost(at(p, "hosts") + "/" + i, hosts.get(i), true);
          }
        });
  }
}
