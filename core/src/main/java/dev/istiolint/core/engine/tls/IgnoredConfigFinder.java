package dev.istiolint.core.engine.tls;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshPolicy;
import dev.istiolint.core.model.PeerAuthentication;
import dev.istiolint.core.model.Policy;
import dev.istiolint.core.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Finds TLS configuration that Istio provably ignores or that has no effect, from the resources alone. */
final class IgnoredConfigFinder {

  private final MeshSnapshot snapshot;
  private final MeshInputs mesh;
  private final DrIndex index;
  private final ServerModes servers;
  private final Profile profile;
  private final List<IgnoredConfig> out = new ArrayList<>();

  IgnoredConfigFinder(MeshSnapshot snapshot, MeshInputs mesh, DrIndex index, ServerModes servers) {
    this.snapshot = snapshot;
    this.mesh = mesh;
    this.index = index;
    this.servers = servers;
    this.profile = mesh.profile;
  }

  List<IgnoredConfig> find() {
    if (profile.peerAuthentication()) {
      peerAuthentications();
    }
    if (profile.legacyAuthentication()) {
      legacyPolicies();
    }
    destinationRules();
    return out;
  }

  private void add(IgnoredConfig.Cause cause, dev.istiolint.core.model.Resource r, Located<?> at, String message,
      List<RelatedLocation> related) {
    out.add(new IgnoredConfig(cause, r, at.span(), message, related));
  }

  private void peerAuthentications() {
    for (PeerAuthentication pa : snapshot.ofType(PeerAuthentication.class)) {
      String id = pa.namespace() + "/" + pa.name();
      if (pa.namespace().equals(mesh.rootNamespace) && !pa.isSelectorLess()) {
        out.add(new IgnoredConfig(IgnoredConfig.Cause.ROOT_NAMESPACE_SELECTOR_POLICY, pa, pa.selector().get().span(),
            "PeerAuthentication " + id + " has a selector in the root namespace " + mesh.rootNamespace
                + "; Istio ignores such policies; move it to the namespace of the workloads it should select",
            List.of()));
      }
    }
    Set<String> namespaces = new TreeSet<>();
    snapshot.ofType(PeerAuthentication.class).forEach(p -> namespaces.add(p.namespace()));
    for (String ns : namespaces) {
      List<PeerAuthentication> wide = servers.namespaceWide(ns);
      for (int i = 1; i < wide.size(); i++) {
        PeerAuthentication older = wide.get(0);
        PeerAuthentication newer = wide.get(i);
        String level = ns.equals(mesh.rootNamespace) ? "mesh-wide" : "namespace-wide";
        add(IgnoredConfig.Cause.DUPLICATE_PEER_AUTHENTICATION, newer, newer.metadata().name(),
            "PeerAuthentication " + ns + "/" + newer.name() + " is a second " + level + " policy in " + ns
                + "; only the oldest one, " + ns + "/" + older.name() + ", applies; merge them into one",
            List.of(RelatedLocation.of(older.nameSpan(), "the policy that applies", older.ref())));
      }
      for (PeerAuthentication pa : servers.withSelector(ns)) {
        if (ns.equals(mesh.rootNamespace) || pa.portLevelMtls().isEmpty()) {
          continue;
        }
        unknownPorts(pa);
      }
    }
  }

  /** portLevelMtls keys that no selected workload listens on (usually the Service port instead of the targetPort). */
  private void unknownPorts(PeerAuthentication pa) {
    List<Workload> selected = snapshot.workloadsMatching(pa.namespace(), pa.selector().get());
    if (selected.isEmpty()) {
      return;
    }
    Set<Integer> ports = new HashSet<>();
    List<Service> services = new ArrayList<>();
    for (Workload w : selected) {
      w.ports().forEach(p -> ports.add(p.containerPort().value()));
      for (Service s : snapshot.servicesSelecting(w)) {
        services.add(s);
        for (Service.ServicePort sp : s.ports()) {
          w.resolvePort(sp.effectiveTargetPort()).ifPresent(ports::add);
        }
      }
    }
    for (PeerAuthentication.PortMtls pm : pa.portLevelMtls()) {
      int key = pm.port().value();
      if (ports.contains(key)) {
        continue;
      }
      String hint = "";
      for (Service s : services) {
        Optional<Service.ServicePort> sp = s.port(key);
        if (sp.isPresent()) {
          int target = selected.get(0).resolvePort(sp.get().effectiveTargetPort()).orElse(key);
          hint = "; " + key + " is the port of Service " + s.namespace() + "/" + s.name() + ", whose targetPort is "
              + target + ": use " + target;
          break;
        }
      }
      add(IgnoredConfig.Cause.PORT_LEVEL_MTLS_UNKNOWN_PORT, pa, pm.port(),
          "portLevelMtls key " + key + " of PeerAuthentication " + pa.namespace() + "/" + pa.name()
              + " matches no port of the workloads it selects " + new TreeSet<>(ports)
              + " (keys are workload ports), so it has no effect" + hint,
          List.of());
    }
  }

  private void legacyPolicies() {
    for (MeshPolicy mp : snapshot.ofType(MeshPolicy.class)) {
      if (!mp.name().equals("default")) {
        add(IgnoredConfig.Cause.MESH_POLICY_NOT_DEFAULT, mp, mp.metadata().name(),
            "MeshPolicy " + mp.name() + " is ignored: Istio only uses the MeshPolicy named default; rename it to"
                + " default",
            List.of());
      }
    }
    for (Policy p : snapshot.ofType(Policy.class)) {
      if (p.isNamespaceWide() && !p.name().equals("default")) {
        add(IgnoredConfig.Cause.NAMESPACE_POLICY_NOT_DEFAULT, p, p.metadata().name(),
            "Policy " + p.namespace() + "/" + p.name() + " has no targets but is not named default; Istio only uses"
                + " the namespace-wide Policy named default; rename it to default or add targets",
            List.of());
      }
    }
  }

  private void destinationRules() {
    Set<String> knownHosts = new HashSet<>();
    for (Destination d : mesh.destinations) {
      knownHosts.add(d.host().value());
    }
    Map<String, Service> services = new java.util.HashMap<>();
    snapshot.ofType(Service.class).forEach(s -> services.put(s.namespace() + "/" + s.name(), s));
    for (DestinationRule r : snapshot.ofType(DestinationRule.class)) {
      partialHost(r, knownHosts, services);
      if (!profile.globalDestinationRules() && !profile.exportToFirstEntryOnly() && !r.exportTo().isEmpty()
          && !index.usableLocally(r) && !DrIndex.selectorRule(r)) {
        add(IgnoredConfig.Cause.EXPORT_EXCLUDES_OWN_NAMESPACE, r, r.exportTo().get(0),
            "DestinationRule " + DrIndex.name(r) + " has exportTo " + r.exportToValues() + ", which excludes its own"
                + " namespace " + r.namespace() + ": clients in " + r.namespace() + " do not use it; add \".\" to"
                + " exportTo if they should",
            List.of());
      }
      portLevelDrops(r);
    }
  }

  private void partialHost(DestinationRule r, Set<String> knownHosts, Map<String, Service> services) {
    String host = r.host().value();
    if (host.startsWith("*") || host.indexOf('.') < 0 || knownHosts.contains(host)
        || host.endsWith(".svc." + HostName.DEFAULT_DOMAIN) || snapshotHasServiceEntry(host)) {
      return;
    }
    String[] labels = host.split("\\.");
    if (labels.length < 2 || labels.length > 4) {
      return;
    }
    if (labels.length >= 3 && !labels[2].equals("svc")) {
      return;
    }
    Service s = services.get(labels[1] + "/" + labels[0]);
    if (s == null && !host.endsWith(".svc")) {
      return;
    }
    String full = labels[0] + "." + labels[1] + ".svc." + HostName.DEFAULT_DOMAIN;
    add(IgnoredConfig.Cause.PARTIAL_HOST, r, r.host(),
        "host " + host + " of DestinationRule " + DrIndex.name(r) + " has a dot, so Istio uses it verbatim; it never"
            + " equals " + full + " and the rule matches nothing; write " + full,
        List.of());
  }

  private boolean snapshotHasServiceEntry(String host) {
    return !snapshot.serviceEntriesByHost(HostName.of(host)).isEmpty();
  }

  private void portLevelDrops(DestinationRule r) {
    r.trafficPolicy().ifPresent(tp -> {
      if (tp.tls().isEmpty()) {
        return;
      }
      for (DestinationRule.PortTrafficPolicy pl : tp.portLevelSettings()) {
        if (pl.tls().isEmpty()) {
          String port = pl.port().number().map(n -> String.valueOf(n.value()))
              .orElse(pl.port().name().map(Located::value).orElse("?"));
          out.add(new IgnoredConfig(IgnoredConfig.Cause.PORT_LEVEL_DROPS_TLS, r, pl.span(),
              "the portLevelSettings entry for port " + port + " of DestinationRule " + DrIndex.name(r)
                  + " has no tls; port-level settings replace the whole top-level policy, so the top-level tls mode "
                  + tp.tls().get().effectiveMode() + " does not apply to port " + port
                  + (mesh.autoMtls ? " (auto mTLS hides this today)" : "")
                  + "; repeat tls: {mode: " + tp.tls().get().effectiveMode() + "} in the entry",
              List.of(RelatedLocation.of(tp.tls().get().mode().span(), "the top-level tls that is dropped",
                  r.ref()))));
        }
      }
    });
  }
}
