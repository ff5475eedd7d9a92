package dev.istiolint.rules.internal;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.model.ServiceEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hosts a destination may name: Kubernetes Services and ServiceEntry hosts, each with the namespaces it is
 * exported to and its ports. Resolution follows istioctl's {@code GetDestinationHost}: a host exported to every
 * namespace, then one exported to the namespaces the VirtualService is exported to (its own by default), then
 * wildcard ServiceEntry hosts visible there.
 */
public final class ServiceRegistry {

  /** The annotation that restricts where a Service is visible. */
  public static final String SERVICE_EXPORT_TO = "networking.istio.io/exportTo";

  /**
   * One registry host.
   *
   * @param host the full host name
   * @param exportTo {@code *} or namespace names ({@code .} already replaced by the owner's namespace)
   * @param ports the service port numbers (empty when none are declared)
   * @param source the Service or ServiceEntry
   */
  public record Entry(HostName host, Set<String> exportTo, List<Integer> ports, Resource source) {
    public Entry {
      Objects.requireNonNull(host, "host");
      exportTo = Set.copyOf(exportTo);
      ports = List.copyOf(ports);
      Objects.requireNonNull(source, "source");
    }

    /** True when clients in {@code namespace} see this host ({@code *} sees only hosts exported everywhere). */
    public boolean visibleIn(String namespace) {
      return exportTo.contains("*") || exportTo.contains(namespace);
    }

    /** The ports as text, for messages: {@code 80, 443}. */
    public String portList() {
      List<String> out = new ArrayList<>();
      ports.forEach(p -> out.add(String.valueOf(p)));
      return String.join(", ", out);
    }
  }

  private final List<Entry> entries;
  private final Map<String, List<Entry>> byHost = new HashMap<>();
  private final List<Entry> wildcards = new ArrayList<>();

  private ServiceRegistry(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      byHost.computeIfAbsent(e.host().value(), k -> new ArrayList<>()).add(e);
      if (e.host().isWildcard()) {
        wildcards.add(e);
      }
    }
  }

  /** The registry of {@code mesh}, built once per snapshot and shared by the rules that ask (from any thread). */
  public static ServiceRegistry of(MeshSnapshot mesh) {
    return mesh.derived(ServiceRegistry.class, ServiceRegistry::build);
  }

  private static ServiceRegistry build(MeshSnapshot mesh) {
    List<Entry> out = new ArrayList<>();
    for (Service s : mesh.services()) {
      Set<String> exportTo = new TreeSet<>();
      Optional<String> annotation = s.metadata().annotation(SERVICE_EXPORT_TO);
      if (annotation.isEmpty() || annotation.get().isBlank()) {
        exportTo.add("*");
      } else {
        for (String part : annotation.get().split(",")) {
          String ns = part.strip();
          if (!ns.isEmpty()) {
            exportTo.add(ns.equals(".") ? s.namespace() : ns);
          }
        }
      }
      List<Integer> ports = s.ports().stream().map(p -> p.port().value()).toList();
      out.add(new Entry(s.hostName(), exportTo, ports, s));
    }
    for (ServiceEntry se : mesh.serviceEntries()) {
      Set<String> exportTo = exportTo(se.exportTo(), se.namespace());
      List<Integer> ports = new ArrayList<>();
      se.ports().forEach(p -> p.number().ifPresent(n -> ports.add(n.value())));
      for (HostName h : se.hostNames()) {
        out.add(new Entry(h, exportTo, ports, se));
      }
    }
    return new ServiceRegistry(out);
  }

  /** {@code exportTo} values with {@code .} replaced by {@code ownNamespace}; {@code *} when empty. */
  public static Set<String> exportTo(List<Located<String>> values, String ownNamespace) {
    Set<String> out = new TreeSet<>();
    for (Located<String> v : values) {
      out.add(v.value().equals(".") ? ownNamespace : v.value());
    }
    if (out.isEmpty()) {
      out.add("*");
    }
    return out;
  }

  /** True when the input has neither Services nor ServiceEntries: destinations cannot be judged. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The registry host a destination written as {@code host} in namespace {@code namespace} resolves to, for a
   * resource exported to {@code exportTo} (empty: its own namespace).
   */
  public Optional<Entry> resolve(String host, String namespace, List<Located<String>> exportTo) {
    HostName fqdn = HostName.expand(host, namespace);
    List<Entry> same = byHost.getOrDefault(fqdn.value(), List.of());
    for (Entry e : same) {
      if (e.exportTo().contains("*")) {
        return Optional.of(e);
      }
    }
    for (Entry e : same) {
      if (visibleInScopes(e, namespace, exportTo)) {
        return Optional.of(e);
      }
    }
    String bare = fqdn.isWildcard() ? fqdn.value().substring(1) : fqdn.value();
    for (Entry e : wildcards) {
      if (e.visibleIn(namespace) && bare.endsWith(e.host().value().substring(1))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** True when {@code e} is exported to a namespace of the scopes: {@code exportTo}, or {@code namespace} when empty. */
  private static boolean visibleInScopes(Entry e, String namespace, List<Located<String>> exportTo) {
    if (exportTo.isEmpty()) {
      return e.exportTo().contains(namespace);
    }
    for (Located<String> x : exportTo) {
      if (e.exportTo().contains(x.value().equals(".") ? namespace : x.value())) {
        return true;
      }
    }
    return false;
  }

  /** True when a wildcard host (of a ServiceEntry) matches {@code host}, whatever its visibility. */
  public boolean anyWildcardMatches(HostName host) {
    for (Entry e : wildcards) {
      if (e.host().matches(host)) {
        return true;
      }
    }
    return false;
  }

  /** Every entry for exactly this host, whatever its visibility. */
  public List<Entry> entriesFor(HostName host) {
    return byHost.getOrDefault(host.value(), List.of());
  }
}
