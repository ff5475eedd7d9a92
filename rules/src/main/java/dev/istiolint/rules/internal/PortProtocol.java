package dev.istiolint.rules.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The protocol Istio assigns to a Service port: {@code appProtocol} when set, else the port name's
 * {@code <protocol>[-<suffix>]} prefix, as in Istio's {@code ConvertProtocol}.
 */
public final class PortProtocol {

  /** The protocols Istio recognises in port names and {@code appProtocol}, upper-cased. */
  public static final Set<String> KNOWN =
      Set.of(
          "TCP", "UDP", "GRPC", "GRPC-WEB", "HTTP", "HTTP_PROXY", "HTTP2", "HTTPS", "TLS", "MONGO", "REDIS", "MYSQL",
          "H2C", "HBONE");

  private PortProtocol() {}

  /** The protocol of a port name's prefix ({@code http-web} is HTTP), if Istio knows it. */
  public static Optional<String> fromName(String portName) {
    String n = portName.toUpperCase(Locale.ROOT);
    if (n.equals("GRPC-WEB")) {
      return Optional.of("GRPC-WEB");
    }
    int dash = n.indexOf('-');
    String prefix = dash >= 0 ? n.substring(0, dash) : n;
    return KNOWN.contains(prefix) ? Optional.of(prefix) : Optional.empty();
  }

  /** The protocol of an {@code appProtocol} value, if Istio knows it. */
  public static Optional<String> fromAppProtocol(String appProtocol) {
    String n = appProtocol.toUpperCase(Locale.ROOT);
    if (n.equals("KUBERNETES.IO/H2C")) {
      return Optional.of("HTTP2");
    }
    if (n.equals("KUBERNETES.IO/WS") || n.equals("KUBERNETES.IO/WSS")) {
      return Optional.of("HTTP");
    }
    return KNOWN.contains(n) ? Optional.of(n) : Optional.empty();
  }

  /**
   * The effective protocol of a Service port: {@code appProtocol}, else the name, else the Kubernetes protocol
   * field as written (upper-cased), else TCP.
   */
  public static String effective(Optional<String> appProtocol, String name, Optional<String> k8sProtocol) {
    if (appProtocol.isPresent()) {
      Optional<String> p = fromAppProtocol(appProtocol.get());
      if (p.isPresent()) {
        return p.get();
      }
    }
    Optional<String> byName = fromName(name);
    if (byName.isPresent()) {
      return byName.get();
    }
    return k8sProtocol.map(p -> p.toUpperCase(Locale.ROOT)).filter(p -> !p.isBlank()).orElse("TCP");
  }

  /** True for protocols Envoy handles as HTTP (routing, retries, headers). */
  public static boolean isHttpFamily(String protocol) {
    return Set.of("HTTP", "HTTP2", "HTTPS", "GRPC", "GRPC-WEB", "HTTP_PROXY", "H2C").contains(protocol);
  }
}
