package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code networking.istio.io} DestinationRule (v1alpha3, v1beta1, v1). {@code host} is the host as written; expand it
 * with {@link HostName#expand(String, String)} against {@link #namespace()}.
 */
public record DestinationRule(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Located<String> host,
    Optional<TrafficPolicy> trafficPolicy,
    List<Subset> subsets,
    List<Located<String>> exportTo,
    Optional<LabelSelector> workloadSelector)
    implements IstioResource {

  public DestinationRule {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(trafficPolicy, "trafficPolicy");
    subsets = List.copyOf(subsets);
    exportTo = List.copyOf(exportTo);
    Objects.requireNonNull(workloadSelector, "workloadSelector");
  }

  /** The host expanded as Istio does (short name in the rule's namespace, dotted names verbatim). */
  public HostName hostName() {
    return HostName.expand(host.value(), namespace());
  }

  /** The subset with this name, the first one when the name repeats. */
  public Optional<Subset> subset(String name) {
    return subsets.stream().filter(s -> s.name().value().equals(name)).findFirst();
  }

  /** The exportTo entries without positions, in order. */
  public List<String> exportToValues() {
    return exportTo.stream().map(Located::value).toList();
  }

  /** {@code trafficPolicy} (top level, or of a subset). Presence of each part is what the TLS merge rules need. */
  public record TrafficPolicy(
      Optional<ClientTLSSettings> tls,
      Optional<SourceSpan> connectionPool,
      Optional<SourceSpan> outlierDetection,
      Optional<LoadBalancerSettings> loadBalancer,
      List<PortTrafficPolicy> portLevelSettings,
      Optional<SourceSpan> tunnel,
      Optional<SourceSpan> proxyProtocol,
      SourceSpan span) {

    public TrafficPolicy {
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(connectionPool, "connectionPool");
      Objects.requireNonNull(outlierDetection, "outlierDetection");
      Objects.requireNonNull(loadBalancer, "loadBalancer");
      portLevelSettings = List.copyOf(portLevelSettings);
      Objects.requireNonNull(tunnel, "tunnel");
      Objects.requireNonNull(proxyProtocol, "proxyProtocol");
      Objects.requireNonNull(span, "span");
    }

    /** The first port-level entry whose {@code port.number} is {@code servicePort} (Istio takes the first). */
    public Optional<PortTrafficPolicy> portLevel(int servicePort) {
      for (PortTrafficPolicy p : portLevelSettings) {
        if (p.port().number().isPresent() && p.port().number().get().value() == servicePort) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }

    /** The first port-level entry selecting this port by number or (1.0) by name. */
    public Optional<PortTrafficPolicy> portLevel(int servicePort, Optional<String> portName) {
      for (PortTrafficPolicy p : portLevelSettings) {
        if (p.port().selects(servicePort, portName)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  /** One {@code portLevelSettings} entry. */
  public record PortTrafficPolicy(
      PortSelector port,
      Optional<ClientTLSSettings> tls,
      Optional<SourceSpan> connectionPool,
      Optional<SourceSpan> outlierDetection,
      Optional<LoadBalancerSettings> loadBalancer,
      SourceSpan span) {

    public PortTrafficPolicy {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(connectionPool, "connectionPool");
      Objects.requireNonNull(outlierDetection, "outlierDetection");
      Objects.requireNonNull(loadBalancer, "loadBalancer");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code ClientTLSSettings}. {@code mode} is {@code UNSET} (located at the tls block) when not written. */
  public record ClientTLSSettings(
      Located<TlsMode> mode,
      Optional<Located<String>> clientCertificate,
      Optional<Located<String>> privateKey,
      Optional<Located<String>> caCertificates,
      Optional<Located<String>> credentialName,
      List<Located<String>> subjectAltNames,
      Optional<Located<String>> sni,
      Optional<Located<Boolean>> insecureSkipVerify,
      SourceSpan span) {

    public ClientTLSSettings {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(clientCertificate, "clientCertificate");
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(caCertificates, "caCertificates");
      Objects.requireNonNull(credentialName, "credentialName");
      subjectAltNames = List.copyOf(subjectAltNames);
      Objects.requireNonNull(sni, "sni");
      Objects.requireNonNull(insecureSkipVerify, "insecureSkipVerify");
      Objects.requireNonNull(span, "span");
    }

    /** The mode Istio applies: a written {@code tls} block without {@code mode} is {@code DISABLE} (enum value 0). */
    public TlsMode effectiveMode() {
      return mode.value() == TlsMode.UNSET ? TlsMode.DISABLE : mode.value();
    }
  }

  /** {@code LoadBalancerSettings}: the {@code simple} policy ({@code UNSET} when absent) and consistentHash presence. */
  public record LoadBalancerSettings(
      Located<LoadBalancerSimple> simple, Optional<SourceSpan> consistentHash, SourceSpan span) {

    public LoadBalancerSettings {
      Objects.requireNonNull(simple, "simple");
      Objects.requireNonNull(consistentHash, "consistentHash");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code LoadBalancerSettings.SimpleLB}. */
  public enum LoadBalancerSimple {
    UNSET,
    UNSPECIFIED,
    LEAST_CONN,
    RANDOM,
    PASSTHROUGH,
    ROUND_ROBIN,
    LEAST_REQUEST
  }

  /** One {@code subsets} entry. */
  public record Subset(
      Located<String> name, Map<String, Located<String>> labels, Optional<TrafficPolicy> trafficPolicy, SourceSpan span) {

    public Subset {
      Objects.requireNonNull(name, "name");
      labels = Map.copyOf(labels);
      Objects.requireNonNull(trafficPolicy, "trafficPolicy");
      Objects.requireNonNull(span, "span");
    }

    /** Labels without positions, sorted by key. */
    public Map<String, String> labelValues() {
      Map<String, String> out = new TreeMap<>();
      labels.forEach((k, v) -> out.put(k, v.value()));
      return out;
    }
  }
}
