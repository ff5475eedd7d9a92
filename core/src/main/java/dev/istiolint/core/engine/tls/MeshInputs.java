package dev.istiolint.core.engine.tls;

import dev.istiolint.core.engine.MeshSettings;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.IntOrString;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.model.ServiceEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the TLS resolution reads from the snapshot: mesh settings, client namespaces, destinations. Built once. */
final class MeshInputs {

  static final String DEFAULT_ROOT = "istio-system";

  final Profile profile;
  final String rootNamespace;
  final boolean autoMtls;
  final String autoMtlsReason;
  final List<String> defaultDrExportTo;
  final String defaultExportReason;
  final boolean authPolicyMutual;
  final Map<String, List<Workload>> workloadsByNamespace = new TreeMap<>();
  final TreeSet<String> clientNamespaces = new TreeSet<>();
  final List<Destination> destinations = new ArrayList<>();
  final Map<HostName, List<Destination>> destinationsByHost = new HashMap<>();
  private final java.util.Set<String> declaredNamespaces = new java.util.HashSet<>();

  MeshInputs(MeshSnapshot snapshot, Profile profile) {
    this.profile = profile;
    MeshSettings settings = snapshot.settings();
    this.rootNamespace = settings.root();
    if (!profile.autoMtlsSupported()) {
      this.autoMtls = false;
      this.autoMtlsReason = "auto mTLS does not exist in Istio " + profile.label();
    } else {
      this.autoMtls = settings.autoMtls();
      this.autoMtlsReason = "enableAutoMtls " + autoMtls + ": " + settings.enableAutoMtls().source().description();
    }
    this.defaultDrExportTo = settings.defaultDestinationRuleExportTo().value();
    this.defaultExportReason =
        "meshConfig.defaultDestinationRuleExportTo " + defaultDrExportTo + " ("
            + settings.defaultDestinationRuleExportTo().source().description() + ")";
    this.authPolicyMutual = settings.authPolicy().value().equals("MUTUAL_TLS");
    snapshot.namespaceObjects().forEach(n -> declaredNamespaces.add(n.name()));
    for (Workload w : snapshot.workloads()) {
      workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
      if (proxy(w)) {
        clientNamespaces.add(w.namespace());
      }
    }
    for (Service s : snapshot.ofType(Service.class)) {
      addService(snapshot, s);
    }
    for (ServiceEntry se : snapshot.ofType(ServiceEntry.class)) {
      addServiceEntry(snapshot, se);
    }
    destinations.sort(Comparator.comparing((Destination d) -> d.host().value()).thenComparing(Destination::namespace));
    for (Destination d : destinations) {
      destinationsByHost.computeIfAbsent(d.host(), k -> new ArrayList<>()).add(d);
    }
  }

  List<Workload> workloads(String namespace) {
    return workloadsByNamespace.getOrDefault(namespace, List.of());
  }

  /** The workloads that run a client proxy in {@code namespace}. */
  List<Workload> clients(String namespace) {
    return workloads(namespace).stream().filter(this::proxy).toList();
  }

  /**
   * Whether the pods run a sidecar. When the namespace is not in the input and nothing on the pod decides, the
   * injection state is unknown; istio-lint then assumes the usual mesh setup (injection enabled) rather than report
   * conflicts for every manifest that omits its Namespace.
   */
  boolean sidecar(Workload w) {
    return w.hasSidecar() || assumedInjected(w);
  }

  private boolean assumedInjected(Workload w) {
    return !w.hasSidecar() && !w.gateway() && w.sidecar().decidedBy().isEmpty()
        && !declaredNamespaces.contains(w.namespace())
        && !w.namespace().equals("kube-system") && !w.namespace().equals("kube-public")
        && !w.namespace().equals(rootNamespace);
  }

  String sidecarReason(Workload w) {
    return assumedInjected(w)
        ? "namespace " + w.namespace() + " is not in the input; assuming it enables injection"
        : w.sidecar().reason();
  }

  boolean proxy(Workload w) {
    return sidecar(w) || w.gateway();
  }

  private void addService(MeshSnapshot snapshot, Service s) {
    if (s.type().value() == Service.Type.EXTERNAL_NAME) {
      return;
    }
    List<Destination.Port> ports = new ArrayList<>();
    for (Service.ServicePort p : s.ports()) {
      Optional<String> name = p.name().map(Located::value);
      String proto = p.appProtocol().map(Located::value).orElse(name.orElse("")).toLowerCase(Locale.ROOT);
      ports.add(
          new Destination.Port(
              p.port().value(), name, p.effectiveTargetPort(), isTls(proto), proto.startsWith("tcp") || proto.isEmpty()));
    }
    Map<String, String> selector = s.selectorValues();
    List<Endpoint> endpoints = new ArrayList<>();
    if (!selector.isEmpty()) {
      for (Workload w : snapshot.workloadsBehind(s)) {
        if (!w.gateway()) {
          endpoints.add(Endpoint.of(w, sidecar(w), sidecarReason(w)));
        } else {
          endpoints.add(
              new Endpoint(Optional.of(w), w.namespace(), w.labelValues(), false,
                  w.source().kind() + " " + w.namespace() + "/" + w.name() + " (an Istio gateway, not a sidecar)"));
        }
      }
    }
    boolean assumed = false;
    if (endpoints.isEmpty()) {
      boolean injected = namespaceInjects(snapshot, s.namespace());
      endpoints.add(
          new Endpoint(
              Optional.empty(), s.namespace(), selector, injected,
              "no workload in the input matches the selector of Service " + s.namespace() + "/" + s.name()
                  + "; assuming a pod " + (injected ? "with" : "without") + " a sidecar (namespace "
                  + s.namespace() + (injected ? " enables" : " does not enable") + " injection)"));
      assumed = true;
    }
    destinations.add(
        new Destination(s.hostName(), s.namespace(), s, ports, false, s.isHeadless(), endpoints, assumed));
  }

  private boolean namespaceInjects(MeshSnapshot snapshot, String namespace) {
    Optional<dev.istiolint.core.model.Namespace> ns = snapshot.namespace(namespace);
    if (ns.isEmpty()) {
      return !namespace.equals(rootNamespace) && !namespace.equals("kube-system") && !namespace.equals("kube-public");
    }
    boolean label = ns.get().injectionLabel().map(l -> l.value().equals("enabled")).orElse(false)
        || (ns.get().revisionLabel().isPresent() && ns.get().injectionLabel().isEmpty());
    return label || sidecarIn.computeIfAbsent(namespace, n -> workloads(n).stream().anyMatch(this::sidecar));
  }

  /** Per namespace, whether some workload there runs a sidecar (asked once per Service without endpoints). */
  private final Map<String, Boolean> sidecarIn = new HashMap<>();

  private void addServiceEntry(MeshSnapshot snapshot, ServiceEntry se) {
    List<Destination.Port> ports = new ArrayList<>();
    for (dev.istiolint.core.model.Port p : se.ports()) {
      if (p.number().isEmpty()) {
        continue;
      }
      String proto = p.protocol().map(Located::value).orElse("").toLowerCase(Locale.ROOT);
      int target = p.targetPort().map(Located::value).orElse(p.numberOrZero());
      ports.add(
          new Destination.Port(
              p.numberOrZero(), p.name().map(Located::value), IntOrString.of(target), isTls(proto),
              proto.startsWith("tcp")));
    }
    boolean external = se.isMeshExternal();
    List<Endpoint> endpoints = new ArrayList<>();
    if (!external) {
      Optional<LabelSelector> sel = se.workloadSelector();
      if (sel.isPresent()) {
        for (Workload w : snapshot.workloadsMatching(se.namespace(), sel.get())) {
          endpoints.add(Endpoint.of(w, sidecar(w), sidecarReason(w)));
        }
      }
      if (endpoints.isEmpty()) {
        endpoints.add(
            new Endpoint(
                Optional.empty(), se.namespace(), Map.of(), true,
                "a MESH_INTERNAL endpoint of ServiceEntry " + se.namespace() + "/" + se.name()
                    + " (assumed to run a sidecar)"));
      }
    }
    for (Located<String> h : se.hosts()) {
      destinations.add(
          new Destination(
              HostName.of(h.value()), se.namespace(), se, ports, external,
              se.resolution().value() == ServiceEntry.Resolution.NONE, endpoints, !external));
    }
  }

  private static boolean isTls(String proto) {
    return proto.startsWith("https") || proto.startsWith("tls");
  }

  static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
