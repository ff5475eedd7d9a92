package dev.istiolint.core.engine.tls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the TLS matrix: traffic from the client proxies of one namespace to one host and service port (and
 * subset, when a VirtualService sends traffic there), with both sides' modes, the verdict and why.
 *
 * @param clientNamespace the namespace of the client proxies (sidecars or gateways)
 * @param host the registry host: {@code <svc>.<ns>.svc.cluster.local} or a ServiceEntry host
 * @param port the service port (the ServiceEntry port number for a ServiceEntry)
 * @param subset the DestinationRule subset a VirtualService routes to; empty for the default traffic
 * @param clientTls what the client sends, auto mTLS resolved (the worst pair when endpoints differ)
 * @param serverMtls what the server accepts on the workload port (for the same pair)
 * @param verdict the worst verdict over client workloads and destination endpoints
 * @param clientTlsSource the field that decided the client side; empty when a default decided it
 * @param serverMtlsSource the field that decided the server side; empty when a default decided it
 * @param explanation one line per decision step, in order
 * @param replacedRule the broader DestinationRule the winning rule replaced for this client, if any
 * @param wire what happens on the wire for a non-OK route
 * @param symptom the same in a few words, for finding messages
 * @param fix how to make the route OK
 */
public record Route(
    String clientNamespace,
    String host,
    int port,
    Optional<String> subset,
    ClientTls clientTls,
    ServerMtls serverMtls,
    Verdict verdict,
    Optional<Provenance> clientTlsSource,
    Optional<Provenance> serverMtlsSource,
    List<String> explanation,
    Optional<Provenance> replacedRule,
    Optional<String> wire,
    Optional<String> symptom,
    Optional<String> fix) {

  public Route {
    Objects.requireNonNull(clientNamespace, "clientNamespace");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(subset, "subset");
    Objects.requireNonNull(clientTls, "clientTls");
    Objects.requireNonNull(serverMtls, "serverMtls");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(clientTlsSource, "clientTlsSource");
    Objects.requireNonNull(serverMtlsSource, "serverMtlsSource");
    explanation = List.copyOf(explanation);
    Objects.requireNonNull(replacedRule, "replacedRule");
    Objects.requireNonNull(wire, "wire");
    Objects.requireNonNull(symptom, "symptom");
    Objects.requireNonNull(fix, "fix");
  }

  /** {@code foo → httpbin.foo.svc.cluster.local:8000} (with {@code /subset} when there is one). */
  public String describe() {
    return describe(clientNamespace, host, port, subset);
  }

  static String describe(String clientNamespace, String host, int port, Optional<String> subset) {
    return clientNamespace + " → " + host + ":" + port + subset.map(s -> " (subset " + s + ")").orElse("");
  }
}
