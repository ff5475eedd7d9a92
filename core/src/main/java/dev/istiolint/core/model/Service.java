package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kubernetes Service. {@code selector} is empty both when absent and when empty (no managed endpoints either way);
 * {@code type} is {@code UNSET} (= ClusterIP) when not written.
 */
public record Service(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Located<Type> type,
    List<ServicePort> ports,
    Map<String, Located<String>> selector,
    Optional<Located<String>> clusterIP,
    Optional<Located<String>> externalName)
    implements Resource {

  public Service {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(type, "type");
    ports = List.copyOf(ports);
    selector = Map.copyOf(selector);
    Objects.requireNonNull(clusterIP, "clusterIP");
    Objects.requireNonNull(externalName, "externalName");
  }

  /** {@code <name>.<namespace>.svc.cluster.local}. */
  public HostName hostName() {
    return HostName.serviceFqdn(name(), namespace());
  }

  /** {@code clusterIP: None}. */
  public boolean isHeadless() {
    return clusterIP.map(c -> c.value().equals("None")).orElse(false);
  }

  /** The selector without positions, sorted by key. */
  public Map<String, String> selectorValues() {
    Map<String, String> out = new TreeMap<>();
    selector.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** The port with this service port number, if any. */
  public Optional<ServicePort> port(int number) {
    return ports.stream().filter(p -> p.port().value() == number).findFirst();
  }

  /** {@code spec.type}. */
  public enum Type {
    UNSET(""),
    CLUSTER_IP("ClusterIP"),
    NODE_PORT("NodePort"),
    LOAD_BALANCER("LoadBalancer"),
    EXTERNAL_NAME("ExternalName");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    /** The value as Kubernetes writes it. */
    public String text() {
      return text;
    }

    /** The type for a written value; {@code UNSET} for anything else. */
    public static Type fromText(String value) {
      for (Type t : values()) {
        if (t != UNSET && t.text.equals(value)) {
          return t;
        }
      }
      return UNSET;
    }
  }

  /**
   * One {@code ports[]} entry. {@code protocol} is as written (Kubernetes defaults it to TCP); {@code targetPort} is
   * absent when not written (Kubernetes then uses {@code port}), see {@link #effectiveTargetPort()}.
   */
  public static final class ServicePort {

    private final Located<String> name;
    private final Located<Integer> port;
    private final Located<IntOrString> targetPort;
    private final Located<String> protocol;
    private final Located<String> appProtocol;
    private final Located<Integer> nodePort;
    /** The file (positions in {@link #spanPositions}) or the span itself, see {@link PackedSpan}. */
    private final Object spanAt;

    private final long spanPositions;

    public ServicePort(
        Optional<Located<String>> name,
        Located<Integer> port,
        Optional<Located<IntOrString>> targetPort,
        Optional<Located<String>> protocol,
        Optional<Located<String>> appProtocol,
        Optional<Located<Integer>> nodePort,
        SourceSpan span) {
      this.name = name.orElse(null);
      this.port = Objects.requireNonNull(port, "port");
      this.targetPort = targetPort.orElse(null);
      this.protocol = protocol.orElse(null);
      this.appProtocol = appProtocol.orElse(null);
      this.nodePort = nodePort.orElse(null);
      this.spanPositions = PackedSpan.pack(Objects.requireNonNull(span, "span"));
      this.spanAt = PackedSpan.where(span, spanPositions);
    }

    public Optional<Located<String>> name() {
      return Optional.ofNullable(name);
    }

    public Located<Integer> port() {
      return port;
    }

    public Optional<Located<IntOrString>> targetPort() {
      return Optional.ofNullable(targetPort);
    }

    public Optional<Located<String>> protocol() {
      return Optional.ofNullable(protocol);
    }

    public Optional<Located<String>> appProtocol() {
      return Optional.ofNullable(appProtocol);
    }

    public Optional<Located<Integer>> nodePort() {
      return Optional.ofNullable(nodePort);
    }

    public SourceSpan span() {
      return PackedSpan.unpack(spanAt, spanPositions);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      return o instanceof ServicePort other
          && Objects.equals(name, other.name)
          && port.equals(other.port)
          && Objects.equals(targetPort, other.targetPort)
          && Objects.equals(protocol, other.protocol)
          && Objects.equals(appProtocol, other.appProtocol)
          && Objects.equals(nodePort, other.nodePort)
          && spanPositions == other.spanPositions
          && spanAt.equals(other.spanAt);
    }

    /** The record's hash code: each component folded in as {@code h * 31 + hash(component)}. */
    @Override
    public int hashCode() {
      int h = 0;
      h = h * 31 + Objects.hashCode(name);
      h = h * 31 + port.hashCode();
      h = h * 31 + Objects.hashCode(targetPort);
      h = h * 31 + Objects.hashCode(protocol);
      h = h * 31 + Objects.hashCode(appProtocol);
      h = h * 31 + Objects.hashCode(nodePort);
      h = h * 31 + PackedSpan.hash(spanAt, spanPositions);
      return h;
    }

    @Override
    public String toString() {
      return "ServicePort["
          + "name=" + name()
          + ", port=" + port
          + ", targetPort=" + targetPort()
          + ", protocol=" + protocol()
          + ", appProtocol=" + appProtocol()
          + ", nodePort=" + nodePort()
          + ", span=" + span()
          + "]";
    }

    /** {@code targetPort}, or {@code port} when not written. */
    public IntOrString effectiveTargetPort() {
      return targetPort != null ? targetPort.value() : IntOrString.of(port.value());
    }

    /** The port name, or empty text. */
    public String nameOrEmpty() {
      return name != null ? name.value() : "";
    }
  }
}
