package dev.istiolint.core.engine;

import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.model.ConfigMap;
import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.model.IstioOperator;
import dev.istiolint.core.model.MutatingWebhookConfiguration;
import dev.istiolint.core.model.ProxyConfig;
import dev.istiolint.core.model.RequestAuthentication;
import dev.istiolint.core.model.Secret;
import dev.istiolint.core.model.Sidecar;
import dev.istiolint.core.model.Telemetry;
import dev.istiolint.core.model.ValidatingWebhookConfiguration;
import dev.istiolint.core.model.WasmPlugin;
import dev.istiolint.core.model.WorkloadEntry;
import dev.istiolint.core.model.WorkloadGroup;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.MeshPolicy;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.PeerAuthentication;
import dev.istiolint.core.model.PodTemplateOwner;
import dev.istiolint.core.model.Policy;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.model.VirtualService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything one run loaded, indexed so that no analysis scans all pairs: by kind, namespace and name; by host
 * (Service FQDNs, ServiceEntry hosts, DestinationRule expanded hosts); workloads ("virtual pods") by namespace and
 * label; Services to workloads and back; and the mesh settings. Immutable; lists are sorted by kind, namespace, name
 * and position unless stated otherwise.
 */
public final class MeshSnapshot {

  private final List<Resource> resources;
  private final IstioVersion version;
  private final MeshSettings settings;
  private final List<MeshConfig> meshConfigs;
  private final Map<ResourceId, Resource> byId = new HashMap<>();
  private final Map<String, List<Resource>> byKind = new HashMap<>();
  /** The first resource of each model type, namespace and name: {@link #get} without a scan. */
  private final Map<List<Object>, Resource> byTypeAndName = new HashMap<>();
  private final Map<Class<?>, List<Resource>> byType = new HashMap<>();
  private final Map<Class<?>, Map<String, List<Resource>>> byTypeAndNamespace = new HashMap<>();
  private final Map<String, List<Resource>> byNamespace = new TreeMap<>();
  private final Map<String, Namespace> namespaceObjects = new TreeMap<>();
  private final SortedSet<String> namespaces = new TreeSet<>();
  private final Map<String, Service> servicesByHost = new HashMap<>();
  private final Map<String, List<ServiceEntry>> serviceEntriesByHost = new HashMap<>();
  private final Map<String, List<DestinationRule>> destinationRulesByHost = new HashMap<>();
  private final List<Workload> workloads;
  private final Map<String, List<Workload>> workloadsByNamespace = new TreeMap<>();
  private final Map<String, Map<String, List<Workload>>> workloadsByLabel = new HashMap<>();
  private final Map<ResourceId, List<Workload>> workloadsBehindService = new HashMap<>();
  private final Map<ResourceId, List<Service>> servicesOfWorkload = new HashMap<>();
  private final Map<Class<?>, Derived> derived = new ConcurrentHashMap<>();

  private MeshSnapshot(List<Resource> input, IstioVersion version, Optional<MeshConfig> meshConfigFile) {
    List<Resource> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparing(Resource::id).thenComparing(Resource::span));
    this.resources = List.copyOf(sorted);
    this.version = version;
    this.settings = MeshSettingsResolver.resolve(resources, version, meshConfigFile);
    List<MeshConfig> configs = new ArrayList<>();
    meshConfigFile.ifPresent(configs::add);
    for (Resource r : resources) {
      if (r instanceof ConfigMap cm) {
        cm.meshConfig().ifPresent(configs::add);
      } else if (r instanceof IstioOperator io) {
        io.meshConfig().ifPresent(configs::add);
      }
    }
    this.meshConfigs = List.copyOf(configs);

    for (Resource r : resources) {
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      byId.putIfAbsent(r.id(), r);
      byTypeAndName.putIfAbsent(List.of(r.getClass(), r.namespace(), r.name()), r);
      byType.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r);
      byTypeAndNamespace
          .computeIfAbsent(r.getClass(), k -> new HashMap<>())
          .computeIfAbsent(r.namespace(), k -> new ArrayList<>())
          .add(r);
      if (!r.namespace().isEmpty()) {
        byNamespace.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
        namespaces.add(r.namespace());
      }
      if (r instanceof Namespace n) {
        namespaceObjects.putIfAbsent(n.name(), n);
        namespaces.add(n.name());
      } else if (r instanceof Service s) {
        servicesByHost.putIfAbsent(s.hostName().value(), s);
      } else if (r instanceof ServiceEntry se) {
        for (HostName h : se.hostNames()) {
          serviceEntriesByHost.computeIfAbsent(h.value(), k -> new ArrayList<>()).add(se);
        }
      } else if (r instanceof DestinationRule dr) {
        destinationRulesByHost.computeIfAbsent(dr.hostName().value(), k -> new ArrayList<>()).add(dr);
      }
    }

    List<Workload> derived = new ArrayList<>();
    for (Resource r : resources) {
      if (r instanceof PodTemplateOwner owner) {
        derived.add(WorkloadDeriver.derive(owner, Optional.ofNullable(namespaceObjects.get(owner.namespace()))));
      }
    }
    this.workloads = List.copyOf(derived);
    for (Workload w : workloads) {
      workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
      Map<String, List<Workload>> postings = workloadsByLabel.computeIfAbsent(w.namespace(), k -> new HashMap<>());
      w.labels().forEach((k, v) -> postings.computeIfAbsent(k + "=" + v.value(), x -> new ArrayList<>()).add(w));
    }
    for (Service s : services()) {
      if (s.selector().isEmpty()) {
        continue;
      }
      List<Workload> behind = workloadsMatching(s.namespace(), s.selectorValues());
      workloadsBehindService.put(s.id(), behind);
      for (Workload w : behind) {
        servicesOfWorkload.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(s);
      }
    }
  }

  /** A snapshot with the newest profile's defaults and no mesh config file (tests, tools). */
  public static MeshSnapshot of(List<Resource> resources) {
    return new MeshSnapshot(resources, IstioVersion.LATEST, Optional.empty());
  }

  /**
   * A snapshot for {@code version}; {@code meshConfigFile} (a {@code --mesh-config} file) overrides the mesh settings
   * found in the input.
   */
  public static MeshSnapshot of(List<Resource> resources, IstioVersion version, Optional<MeshConfig> meshConfigFile) {
    return new MeshSnapshot(resources, version, meshConfigFile);
  }

  // ---- derived views ----

  /**
   * A view computed from this snapshot alone (a registry, an index several rules share, the TLS matrix), built by
   * {@code compute} on first use and then shared: every later call with the same {@code type} returns that object,
   * from any thread, and {@code compute} runs at most once per success (calls that race wait for the first). The view
   * must be immutable, or at least safe to read from several threads. When {@code compute} throws, nothing is kept
   * and the next call tries again.
   *
   * @param type the view's class, which is also its key: one view per class
   * @param compute builds the view from this snapshot; must not ask for the same type again
   */
  public <T> T derived(Class<T> type, Function<? super MeshSnapshot, ? extends T> compute) {
    Derived d = derived.computeIfAbsent(type, k -> new Derived());
    return type.cast(d.get(this, compute));
  }

  /**
   * Drops the derived views (they are rebuilt on demand by the next {@link #derived} call). A run calls this when its
   * rules are done, so that a result kept by the caller does not hold the TLS matrix and the rules' indexes as well.
   */
  public void releaseDerived() {
    derived.clear();
    byInterface.clear();
  }

  /** One memoised view; its lock is held only while that view is computed, so views may build on other views. */
  private static final class Derived {
    private volatile Object value;

    Object get(MeshSnapshot snapshot, Function<? super MeshSnapshot, ?> compute) {
      Object v = value;
      if (v != null) {
        return v;
      }
      synchronized (this) {
        v = value;
        if (v == null) {
          v = java.util.Objects.requireNonNull(compute.apply(snapshot), "derived view");
          value = v;
        }
        return v;
      }
    }
  }

  // ---- generic ----

  /** Every resource, sorted by kind, namespace, name and position. */
  public List<Resource> all() {
    return resources;
  }

  /** Resources of one model type (a record class, or an interface such as {@link PodTemplateOwner}). */
  public <T extends Resource> List<T> ofType(Class<T> type) {
    List<Resource> direct = byType.get(type);
    if (direct != null) {
      return castAll(direct, type);
    }
    if (type.isInterface() || type == Resource.class) {
      return castAll(byInterface(type).all, type);
    }
    return List.of();
  }

  /** Resources of one model type in one namespace ({@code ""} for cluster-scoped kinds). */
  public <T extends Resource> List<T> ofType(Class<T> type, String namespace) {
    Map<String, List<Resource>> m = byTypeAndNamespace.get(type);
    if (m == null) {
      if (!type.isInterface()) {
        return List.of();
      }
      m = byInterface(type).byNamespace;
    }
    return castAll(m.getOrDefault(namespace, List.of()), type);
  }

  /** The resources implementing one interface, overall and by namespace, in resource order. */
  private record InterfaceIndex(List<Resource> all, Map<String, List<Resource>> byNamespace) {}

  private final Map<Class<?>, InterfaceIndex> byInterface = new ConcurrentHashMap<>();

  /** The index of an interface type, built on first use (every kind is known, so it is computed from the types). */
  private InterfaceIndex byInterface(Class<?> type) {
    InterfaceIndex known = byInterface.get(type);
    if (known != null) {
      return known;
    }
    List<Resource> all = new ArrayList<>();
    Map<String, List<Resource>> byNs = new HashMap<>();
    for (Resource r : resources) {
      if (type.isInstance(r)) {
        all.add(r);
        byNs.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
      }
    }
    InterfaceIndex built = new InterfaceIndex(all, byNs);
    InterfaceIndex raced = byInterface.putIfAbsent(type, built);
    return raced != null ? raced : built;
  }

  /** The lists are grouped by exact class, so every element is a {@code T}; the view is read-only. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> castAll(List<Resource> list, Class<T> type) {
    return (List<T>) Collections.unmodifiableList(list);
  }

  /** Every resource of this kind as written in the input ({@code Secret}, {@code CustomResourceDefinition}). */
  public List<Resource> ofKind(String kind) {
    return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
  }

  /** The first resource with this identity (duplicates are reported by the run). */
  public Optional<Resource> byId(ResourceId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The resource of this type with this namespace and name. */
  public <T extends Resource> Optional<T> get(Class<T> type, String namespace, String name) {
    Resource r = byTypeAndName.get(List.of(type, namespace, name));
    if (r != null) {
      return Optional.of(type.cast(r));
    }
    if (type.isInterface()) {
      // an interface such as PodTemplateOwner: fall back to the namespace's resources of that type
      for (T t : ofType(type, namespace)) {
        if (t.name().equals(name)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  /** Every namespaced resource in this namespace. */
  public List<Resource> inNamespace(String namespace) {
    return Collections.unmodifiableList(byNamespace.getOrDefault(namespace, List.of()));
  }

  // ---- version and settings ----

  /** The Istio version whose semantics apply. */
  public IstioVersion istioVersion() {
    return version;
  }

  /**
   * Every MeshConfig in play, the {@code --mesh-config} file first, then the {@code istio} ConfigMaps' and the
   * IstioOperators' mesh configs in resource order (for fields the resolved {@link #settings()} do not cover).
   */
  public List<MeshConfig> meshConfigs() {
    return meshConfigs;
  }

  /** Root namespace, auto mTLS, default exportTo, trust domain, each with provenance. */
  public MeshSettings settings() {
    return settings;
  }

  // ---- namespaces ----

  /** Every namespace known: declared Namespace objects and namespaces resources live in, sorted. */
  public SortedSet<String> namespaces() {
    return Collections.unmodifiableSortedSet(namespaces);
  }

  /** The declared Namespace object, if the input has one. */
  public Optional<Namespace> namespace(String name) {
    return Optional.ofNullable(namespaceObjects.get(name));
  }

  /** Declared Namespace objects, by name. */
  public List<Namespace> namespaceObjects() {
    return List.copyOf(namespaceObjects.values());
  }

  // ---- Istio kinds ----

  public List<DestinationRule> destinationRules() {
    return ofType(DestinationRule.class);
  }

  public List<DestinationRule> destinationRulesIn(String namespace) {
    return ofType(DestinationRule.class, namespace);
  }

  /** DestinationRules whose expanded host is exactly {@code host} (no wildcard matching), in any namespace. */
  public List<DestinationRule> destinationRulesForExactHost(HostName host) {
    return Collections.unmodifiableList(destinationRulesByHost.getOrDefault(host.value(), List.of()));
  }

  public List<PeerAuthentication> peerAuthentications() {
    return ofType(PeerAuthentication.class);
  }

  public List<PeerAuthentication> peerAuthenticationsIn(String namespace) {
    return ofType(PeerAuthentication.class, namespace);
  }

  public List<MeshPolicy> meshPolicies() {
    return ofType(MeshPolicy.class);
  }

  public List<Policy> policies() {
    return ofType(Policy.class);
  }

  public List<Policy> policiesIn(String namespace) {
    return ofType(Policy.class, namespace);
  }

  public List<VirtualService> virtualServices() {
    return ofType(VirtualService.class);
  }

  public List<VirtualService> virtualServicesIn(String namespace) {
    return ofType(VirtualService.class, namespace);
  }

  public List<Gateway> gateways() {
    return ofType(Gateway.class);
  }

  public List<Gateway> gatewaysIn(String namespace) {
    return ofType(Gateway.class, namespace);
  }

  public List<ServiceEntry> serviceEntries() {
    return ofType(ServiceEntry.class);
  }

  public List<ServiceEntry> serviceEntriesIn(String namespace) {
    return ofType(ServiceEntry.class, namespace);
  }

  /** ServiceEntries listing exactly this host (wildcard hosts match only the same wildcard text). */
  public List<ServiceEntry> serviceEntriesByHost(HostName host) {
    return Collections.unmodifiableList(serviceEntriesByHost.getOrDefault(host.value(), List.of()));
  }

  public List<Sidecar> sidecars() {
    return ofType(Sidecar.class);
  }

  public List<Sidecar> sidecarsIn(String namespace) {
    return ofType(Sidecar.class, namespace);
  }

  public List<EnvoyFilter> envoyFilters() {
    return ofType(EnvoyFilter.class);
  }

  public List<EnvoyFilter> envoyFiltersIn(String namespace) {
    return ofType(EnvoyFilter.class, namespace);
  }

  public List<AuthorizationPolicy> authorizationPolicies() {
    return ofType(AuthorizationPolicy.class);
  }

  public List<AuthorizationPolicy> authorizationPoliciesIn(String namespace) {
    return ofType(AuthorizationPolicy.class, namespace);
  }

  public List<RequestAuthentication> requestAuthentications() {
    return ofType(RequestAuthentication.class);
  }

  public List<RequestAuthentication> requestAuthenticationsIn(String namespace) {
    return ofType(RequestAuthentication.class, namespace);
  }

  public List<Telemetry> telemetries() {
    return ofType(Telemetry.class);
  }

  public List<WasmPlugin> wasmPlugins() {
    return ofType(WasmPlugin.class);
  }

  public List<ProxyConfig> proxyConfigs() {
    return ofType(ProxyConfig.class);
  }

  public List<WorkloadEntry> workloadEntries() {
    return ofType(WorkloadEntry.class);
  }

  public List<WorkloadEntry> workloadEntriesIn(String namespace) {
    return ofType(WorkloadEntry.class, namespace);
  }

  public List<WorkloadGroup> workloadGroups() {
    return ofType(WorkloadGroup.class);
  }

  public List<ConfigMap> configMaps() {
    return ofType(ConfigMap.class);
  }

  public List<Secret> secrets() {
    return ofType(Secret.class);
  }

  public List<Secret> secretsIn(String namespace) {
    return ofType(Secret.class, namespace);
  }

  public List<IstioOperator> istioOperators() {
    return ofType(IstioOperator.class);
  }

  public List<MutatingWebhookConfiguration> mutatingWebhookConfigurations() {
    return ofType(MutatingWebhookConfiguration.class);
  }

  public List<ValidatingWebhookConfiguration> validatingWebhookConfigurations() {
    return ofType(ValidatingWebhookConfiguration.class);
  }

  // ---- Kubernetes services and workloads ----

  public List<Service> services() {
    return ofType(Service.class);
  }

  public List<Service> servicesIn(String namespace) {
    return ofType(Service.class, namespace);
  }

  /** The Service whose FQDN ({@code <name>.<ns>.svc.cluster.local}) is {@code host}. */
  public Optional<Service> serviceByHost(HostName host) {
    return Optional.ofNullable(servicesByHost.get(host.value()));
  }

  /** {@link #serviceByHost(HostName)} for a host string. */
  public Optional<Service> serviceByHost(String host) {
    return Optional.ofNullable(servicesByHost.get(host));
  }

  /** Every registry host: Service FQDNs and ServiceEntry hosts, sorted. */
  public SortedSet<HostName> hosts() {
    SortedSet<HostName> out = new TreeSet<>();
    servicesByHost.keySet().forEach(h -> out.add(HostName.of(h)));
    serviceEntriesByHost.keySet().forEach(h -> out.add(HostName.of(h)));
    return out;
  }

  /** Every workload derived from a pod template, in resource order. */
  public List<Workload> workloads() {
    return workloads;
  }

  public List<Workload> workloadsIn(String namespace) {
    return Collections.unmodifiableList(workloadsByNamespace.getOrDefault(namespace, List.of()));
  }

  /** Workloads in {@code namespace} whose labels contain every entry of {@code selector}; all when it is empty. */
  public List<Workload> workloadsMatching(String namespace, Map<String, String> selector) {
    if (selector.isEmpty()) {
      return workloadsIn(namespace);
    }
    Map<String, List<Workload>> postings = workloadsByLabel.getOrDefault(namespace, Map.of());
    List<Workload> smallest = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      List<Workload> p = postings.get(e.getKey() + "=" + e.getValue());
      if (p == null) {
        return List.of();
      }
      if (smallest == null || p.size() < smallest.size()) {
        smallest = p;
      }
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : smallest) {
      if (matchesAll(w, selector)) {
        out.add(w);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Workloads in {@code namespace} a selector (labels and expressions) selects; all when it is empty. */
  public List<Workload> workloadsMatching(String namespace, LabelSelector selector) {
    List<Workload> base = workloadsMatching(namespace, selector.labelValues());
    if (selector.matchExpressions().isEmpty()) {
      return base;
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : base) {
      if (selector.matches(w.labelValues())) {
        out.add(w);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Workloads in any namespace whose labels contain every entry of {@code selector}, in workload order; all workloads
   * when it is empty. Answered from a label index, not by scanning every workload.
   */
  public List<Workload> workloadsMatchingAnywhere(Map<String, String> selector) {
    if (selector.isEmpty()) {
      return workloads;
    }
    Map<String, List<Workload>> postings = derived(MeshLabelIndex.class, MeshLabelIndex::of).postings();
    List<Workload> smallest = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      List<Workload> p = postings.get(e.getKey() + "=" + e.getValue());
      if (p == null) {
        return List.of();
      }
      if (smallest == null || p.size() < smallest.size()) {
        smallest = p;
      }
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : smallest) {
      if (matchesAll(w, selector)) {
        out.add(w);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Workloads in any namespace a selector (labels and expressions) selects, in workload order; all when empty. */
  public List<Workload> workloadsMatchingAnywhere(LabelSelector selector) {
    List<Workload> base = workloadsMatchingAnywhere(selector.labelValues());
    if (selector.matchExpressions().isEmpty()) {
      return base;
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : base) {
      if (selector.matches(w.labelValues())) {
        out.add(w);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Workloads by {@code key=value} label across namespaces, each list in workload order; built on first use. */
  private record MeshLabelIndex(Map<String, List<Workload>> postings) {
    static MeshLabelIndex of(MeshSnapshot mesh) {
      Map<String, List<Workload>> postings = new HashMap<>();
      for (Workload w : mesh.workloads) {
        w.labels().forEach((k, v) -> postings.computeIfAbsent(k + "=" + v.value(), x -> new ArrayList<>()).add(w));
      }
      return new MeshLabelIndex(postings);
    }
  }

  private static boolean matchesAll(Workload w, Map<String, String> selector) {
    return w.hasLabels(selector);
  }

  /** The workloads a Service selects (none for a Service without selector). */
  public List<Workload> workloadsBehind(Service service) {
    return Collections.unmodifiableList(workloadsBehindService.getOrDefault(service.id(), List.of()));
  }

  /** The Services whose selector selects this workload. */
  public List<Service> servicesSelecting(Workload workload) {
    return Collections.unmodifiableList(servicesOfWorkload.getOrDefault(workload.id(), List.of()));
  }

  /** Resource counts per kind, sorted by kind (for summaries and debugging). */
  public Map<String, Integer> countsByKind() {
    Map<String, Integer> out = new LinkedHashMap<>();
    new TreeMap<>(groupKinds()).forEach(out::put);
    return out;
  }

  private Map<String, Integer> groupKinds() {
    Map<String, Integer> m = new HashMap<>();
    byKind.forEach((k, v) -> m.put(k, v.size()));
    return m;
  }
}
