package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** {@code networking.istio.io} Gateway: the workload selector (a plain label map) and the servers. */
public record Gateway(
    ResourceRef ref, ObjectMeta metadata, SourceSpan span, Map<String, Located<String>> selector, List<Server> servers)
    implements IstioResource {

  public Gateway {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    selector = Map.copyOf(selector);
    servers = List.copyOf(servers);
  }

  /** The selector without positions, sorted by key. */
  public Map<String, String> selectorValues() {
    Map<String, String> out = new TreeMap<>();
    selector.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** One {@code servers[]} entry. */
  public record Server(
      Optional<Port> port,
      List<Located<String>> hosts,
      Optional<ServerTLSSettings> tls,
      Optional<Located<String>> bind,
      Optional<Located<String>> defaultEndpoint,
      Optional<Located<String>> name,
      SourceSpan span) {

    public Server {
      Objects.requireNonNull(port, "port");
      hosts = List.copyOf(hosts);
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(bind, "bind");
      Objects.requireNonNull(defaultEndpoint, "defaultEndpoint");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(span, "span");
    }
  }
}
