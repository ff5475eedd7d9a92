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
    if (exportTo.isEmpty()) {
      return List.of(); // most rules: no list built (the TLS matrix asks for every rule it looks at)
    }
    String[] values = new String[exportTo.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = exportTo.get(i).value();
    }
    return List.of(values);
  }

  /** {@code trafficPolicy} (top level, or of a subset). Presence of each part is what the TLS merge rules need. */
  public static final class TrafficPolicy {

    private final ClientTLSSettings tls;
    private final SourceSpan connectionPool;
    private final SourceSpan outlierDetection;
    private final LoadBalancerSettings loadBalancer;
    private final List<PortTrafficPolicy> portLevelSettings;
    private final SourceSpan tunnel;
    private final SourceSpan proxyProtocol;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;

    public TrafficPolicy(
        Optional<ClientTLSSettings> tls,
        Optional<SourceSpan> connectionPool,
        Optional<SourceSpan> outlierDetection,
        Optional<LoadBalancerSettings> loadBalancer,
        List<PortTrafficPolicy> portLevelSettings,
        Optional<SourceSpan> tunnel,
        Optional<SourceSpan> proxyProtocol,
        SourceSpan span) {
      this.tls = tls.orElse(null);
      this.connectionPool = connectionPool.orElse(null);
      this.outlierDetection = outlierDetection.orElse(null);
      this.loadBalancer = loadBalancer.orElse(null);
      this.portLevelSettings = List.copyOf(portLevelSettings);
      this.tunnel = tunnel.orElse(null);
      this.proxyProtocol = proxyProtocol.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
    }

    public Optional<ClientTLSSettings> tls() {
      return Optional.ofNullable(tls);
    }

    public Optional<SourceSpan> connectionPool() {
      return Optional.ofNullable(connectionPool);
    }

    public Optional<SourceSpan> outlierDetection() {
      return Optional.ofNullable(outlierDetection);
    }

    public Optional<LoadBalancerSettings> loadBalancer() {
      return Optional.ofNullable(loadBalancer);
    }

    public List<PortTrafficPolicy> portLevelSettings() {
      return portLevelSettings;
    }

    public Optional<SourceSpan> tunnel() {
      return Optional.ofNullable(tunnel);
    }

    public Optional<SourceSpan> proxyProtocol() {
      return Optional.ofNullable(proxyProtocol);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof TrafficPolicy other
          && Objects.equals(tls, other.tls)
          && Objects.equals(connectionPool, other.connectionPool)
          && Objects.equals(outlierDetection, other.outlierDetection)
          && Objects.equals(loadBalancer, other.loadBalancer)
          && portLevelSettings.equals(other.portLevelSettings)
          && Objects.equals(tunnel, other.tunnel)
          && Objects.equals(proxyProtocol, other.proxyProtocol)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + Objects.hashCode(tls);
      h = h * 31 + Objects.hashCode(connectionPool);
      h = h * 31 + Objects.hashCode(outlierDetection);
      h = h * 31 + Objects.hashCode(loadBalancer);
      h = h * 31 + portLevelSettings.hashCode();
      h = h * 31 + Objects.hashCode(tunnel);
      h = h * 31 + Objects.hashCode(proxyProtocol);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      return h;
    }

    @Override
    public String toString() {
      return "TrafficPolicy["
          + "tls=" + tls()
          + ", connectionPool=" + connectionPool()
          + ", outlierDetection=" + outlierDetection()
          + ", loadBalancer=" + loadBalancer()
          + ", portLevelSettings=" + portLevelSettings
          + ", tunnel=" + tunnel()
          + ", proxyProtocol=" + proxyProtocol()
          + ", span=" + span()
          + "]";
    }

    /** The first port-level entry whose {@code port.number} is {@code servicePort} (Istio takes the first). */
    public Optional<PortTrafficPolicy> portLevel(int servicePort) {
      for (int i = 0; i < portLevelSettings.size(); i++) { // indexed: no iterator per lookup in the TLS matrix
        PortTrafficPolicy p = portLevelSettings.get(i);
        if (p.port().number().isPresent() && p.port().number().get().value() == servicePort) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }

    /** The first port-level entry selecting this port by number or (1.0) by name. */
    public Optional<PortTrafficPolicy> portLevel(int servicePort, Optional<String> portName) {
      for (int i = 0; i < portLevelSettings.size(); i++) {
        PortTrafficPolicy p = portLevelSettings.get(i);
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
  public static final class LoadBalancerSettings {

    private final Located<LoadBalancerSimple> simple;
    private final SourceSpan consistentHash;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;

    public LoadBalancerSettings(
        Located<LoadBalancerSimple> simple,
        Optional<SourceSpan> consistentHash,
        SourceSpan span) {
      this.simple = Objects.requireNonNull(simple, "simple");
      this.consistentHash = consistentHash.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
    }

    public Located<LoadBalancerSimple> simple() {
      return simple;
    }

    public Optional<SourceSpan> consistentHash() {
      return Optional.ofNullable(consistentHash);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof LoadBalancerSettings other
          && simple.equals(other.simple)
          && Objects.equals(consistentHash, other.consistentHash)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + simple.hashCode();
      h = h * 31 + Objects.hashCode(consistentHash);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      return h;
    }

    @Override
    public String toString() {
      return "LoadBalancerSettings["
          + "simple=" + simple
          + ", consistentHash=" + consistentHash()
          + ", span=" + span()
          + "]";
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
  public static final class Subset {

    private final Located<String> name;
    private final Map<String, Located<String>> labels;
    private final TrafficPolicy trafficPolicy;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;

    public Subset(
        Located<String> name,
        Map<String, Located<String>> labels,
        Optional<TrafficPolicy> trafficPolicy,
        SourceSpan span) {
      this.name = Objects.requireNonNull(name, "name");
      this.labels = Map.copyOf(labels);
      this.trafficPolicy = trafficPolicy.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
    }

    public Located<String> name() {
      return name;
    }

    public Map<String, Located<String>> labels() {
      return labels;
    }

    public Optional<TrafficPolicy> trafficPolicy() {
      return Optional.ofNullable(trafficPolicy);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof Subset other
          && name.equals(other.name)
          && labels.equals(other.labels)
          && Objects.equals(trafficPolicy, other.trafficPolicy)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + name.hashCode();
      h = h * 31 + labels.hashCode();
      h = h * 31 + Objects.hashCode(trafficPolicy);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      return h;
    }

    @Override
    public String toString() {
      return "Subset["
          + "name=" + name
          + ", labels=" + labels
          + ", trafficPolicy=" + trafficPolicy()
          + ", span=" + span()
          + "]";
    }

    /** Labels without positions, sorted by key. */
    public Map<String, String> labelValues() {
      Map<String, String> out = new TreeMap<>();
      labels.forEach((k, v) -> out.put(k, v.value()));
      return out;
    }
  }
}
