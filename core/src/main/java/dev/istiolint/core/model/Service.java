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
  public record ServicePort(
      Optional<Located<String>> name,
      Located<Integer> port,
      Optional<Located<IntOrString>> targetPort,
      Optional<Located<String>> protocol,
      Optional<Located<String>> appProtocol,
      Optional<Located<Integer>> nodePort,
      SourceSpan span) {

    public ServicePort {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(targetPort, "targetPort");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(appProtocol, "appProtocol");
      Objects.requireNonNull(nodePort, "nodePort");
      Objects.requireNonNull(span, "span");
    }

    /** {@code targetPort}, or {@code port} when not written. */
    public IntOrString effectiveTargetPort() {
      return targetPort.map(Located::value).orElse(IntOrString.of(port.value()));
    }

    /** The port name, or empty text. */
    public String nameOrEmpty() {
      return name.map(Located::value).orElse("");
    }
  }
}
