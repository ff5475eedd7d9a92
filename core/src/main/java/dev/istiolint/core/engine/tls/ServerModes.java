package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.LegacyAuthenticationPolicy;
import dev.istiolint.core.model.LegacyAuthenticationPolicy.MutualTls;
import dev.istiolint.core.model.LegacyMtlsMode;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshPolicy;
import dev.istiolint.core.model.MtlsMode;
import dev.istiolint.core.model.PeerAuthentication;
import dev.istiolint.core.model.Policy;
import dev.istiolint.core.model.PortSelector;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server side (tls-semantics §5): PeerAuthentication composition per workload and workload port, and the legacy
 * v1alpha1 selection per service and service port. Policies are indexed by namespace once.
 */
final class ServerModes {

  static final Comparator<Resource> OLDEST_FIRST =
      Comparator.comparing((Resource r) -> r.metadata().creationTimestamp().orElse(""))
          .thenComparing(Resource::namespace)
          .thenComparing(Resource::name);

  private final Profile profile;
  private final MeshInputs mesh;
  private final Map<String, List<PeerAuthentication>> paWide = new HashMap<>();
  private final Map<String, List<PeerAuthentication>> paSelector = new HashMap<>();
  private final Map<String, SelectorIndex> selectorIndex = new HashMap<>();

  /**
   * The workload-level policies of one namespace, oldest first, indexed by one of their match labels (a policy can
   * select pods only if they carry each of its labels), so finding the oldest that selects a pod does not try them
   * all.
   */
  private static final class SelectorIndex {
    private final List<PeerAuthentication> ordered;
    private final Map<String, List<Integer>> byLabel = new HashMap<>();
    private final List<Integer> withoutLabels = new ArrayList<>();

    SelectorIndex(List<PeerAuthentication> ordered) {
      this.ordered = ordered;
      for (int i = 0; i < ordered.size(); i++) {
        Map<String, Located<String>> labels = ordered.get(i).selector().get().matchLabels();
        if (labels.isEmpty()) {
          withoutLabels.add(i);
        } else {
          String key = java.util.Collections.min(labels.keySet());
          byLabel.computeIfAbsent(key + "=" + labels.get(key).value(), k -> new ArrayList<>()).add(i);
        }
      }
    }

    /** The oldest policy whose selector selects pods with these labels. */
    Optional<PeerAuthentication> first(Map<String, String> labels) {
      int best = Integer.MAX_VALUE;
      best = firstMatch(withoutLabels, labels, best);
      for (Map.Entry<String, String> e : labels.entrySet()) {
        List<Integer> candidates = byLabel.get(e.getKey() + "=" + e.getValue());
        if (candidates != null) {
          best = firstMatch(candidates, labels, best);
        }
      }
      return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(ordered.get(best));
    }

    private int firstMatch(List<Integer> candidates, Map<String, String> labels, int best) {
      for (int i : candidates) {
        if (i >= best) {
          break;
        }
        if (ordered.get(i).selector().get().matches(labels)) {
          return i;
        }
      }
      return best;
    }
  }
  private final Map<String, List<Policy>> policies = new HashMap<>();
  private final Optional<MeshPolicy> meshPolicy;

  ServerModes(
      List<PeerAuthentication> pas, List<Policy> legacy, List<MeshPolicy> meshPolicies, MeshInputs mesh) {
    this.profile = mesh.profile;
    this.mesh = mesh;
    for (PeerAuthentication pa : pas) {
      (pa.isSelectorLess() ? paWide : paSelector).computeIfAbsent(pa.namespace(), k -> new ArrayList<>()).add(pa);
    }
    paWide.values().forEach(l -> l.sort(OLDEST_FIRST));
    paSelector.values().forEach(l -> l.sort(OLDEST_FIRST));
    paSelector.forEach((ns, l) -> selectorIndex.put(ns, new SelectorIndex(l)));
    for (Policy p : legacy) {
      policies.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
    }
    policies.values().forEach(l -> l.sort(OLDEST_FIRST));
    this.meshPolicy = meshPolicies.stream().filter(m -> m.name().equals("default")).findFirst();
  }

  List<PeerAuthentication> namespaceWide(String ns) {
    return paWide.getOrDefault(ns, List.of());
  }

  List<PeerAuthentication> withSelector(String ns) {
    return paSelector.getOrDefault(ns, List.of());
  }

  Optional<PeerAuthentication> meshLevel() {
    return first(namespaceWide(mesh.rootNamespace));
  }

  Optional<PeerAuthentication> namespaceLevel(String ns) {
    return ns.equals(mesh.rootNamespace) ? Optional.empty() : first(namespaceWide(ns));
  }

  private static Optional<PeerAuthentication> first(List<PeerAuthentication> policies) {
    return policies.isEmpty() ? Optional.empty() : Optional.of(policies.get(0));
  }

  Optional<PeerAuthentication> workloadLevel(String ns, Map<String, String> labels) {
    if (ns.equals(mesh.rootNamespace)) {
      return Optional.empty();
    }
    SelectorIndex index = selectorIndex.get(ns);
    return index == null ? Optional.empty() : index.first(labels);
  }

  /** Whether any PeerAuthentication applies to pods with these labels (the 1.5 v1alpha1 fallback test). */
  private boolean anyPeerAuthentication(String ns, Map<String, String> labels) {
    return meshLevel().isPresent() || namespaceLevel(ns).isPresent() || workloadLevel(ns, labels).isPresent();
  }

  /**
   * The server mode of a sidecar endpoint on a workload port; its steps only when {@code explain} (the matrix's
   * groups keep a server side per endpoint without them, a materialised route asks again with them).
   */
  ServerSide forEndpoint(Destination d, Destination.Port port, Endpoint ep, int workloadPort, boolean explain) {
    if (profile.peerAuthentication()
        && (!profile.legacyAuthentication() || anyPeerAuthentication(ep.namespace(), ep.labels()))) {
      return peerAuthentication(ep.namespace(), ep.labels(), workloadPort, explain);
    }
    if (profile.legacyAuthentication()) {
      return legacy(d, port, explain);
    }
    return peerAuthentication(ep.namespace(), ep.labels(), workloadPort, explain);
  }

  /** §5.1: mesh, then namespace, then workload level, UNSET inheriting; then the workload policy's port level. */
  ServerSide peerAuthentication(String ns, Map<String, String> labels, int workloadPort, boolean explain) {
    List<String> steps = explain ? new ArrayList<>() : null;
    MtlsMode mode = MtlsMode.PERMISSIVE;
    Resource source = null;
    SourceSpan at = null;
    String field = "";
    boolean meshWide = false;
    Optional<PeerAuthentication> m = meshLevel();
    Optional<PeerAuthentication> n = namespaceLevel(ns);
    Optional<PeerAuthentication> w = workloadLevel(ns, labels);
    if (m.isEmpty() && n.isEmpty() && w.isEmpty()) {
      if (steps != null) {
        steps.add("no PeerAuthentication applies to the workload; the default is PERMISSIVE");
      }
      return new ServerSide(ServerMtls.PERMISSIVE, Optional.empty(), Optional.empty(), "", false, steps);
    }
    for (Optional<PeerAuthentication> level : List.of(m, n, w)) {
      if (level.isEmpty()) {
        continue;
      }
      PeerAuthentication pa = level.get();
      String role = level == m ? "mesh-wide" : level == n ? "namespace-wide" : "workload";
      if (pa.mode() == MtlsMode.UNSET) {
        if (steps != null) {
          steps.add(role + " PeerAuthentication " + pa.namespace() + "/" + pa.name() + " (" + where(pa) + ") leaves"
              + " the mode UNSET, which inherits " + mode);
        }
        continue;
      }
      mode = pa.mode();
      source = pa;
      at = pa.mtls().get().mode().span();
      field = "mtls.mode";
      meshWide = level == m;
      if (steps != null) {
        steps.add(role + " PeerAuthentication " + pa.namespace() + "/" + pa.name() + " sets " + mode + " ("
            + at.file() + ":" + at.startLine() + ")");
      }
    }
    if (w.isPresent()) {
      Optional<PeerAuthentication.PortMtls> pl = w.get().portLevel(workloadPort);
      if (pl.isPresent() && pl.get().mode().value() != MtlsMode.UNSET) {
        mode = pl.get().mode().value();
        source = w.get();
        at = pl.get().mode().span();
        field = "portLevelMtls[" + workloadPort + "].mode";
        meshWide = false;
        if (steps != null) {
          steps.add("its portLevelMtls sets " + mode + " for workload port " + workloadPort + " (" + at.file() + ":"
              + at.startLine() + ")");
        }
      } else if (!w.get().portLevelMtls().isEmpty() && pl.isEmpty()) {
        if (steps != null) {
          steps.add("its portLevelMtls has no entry for the workload port " + workloadPort
              + " (keys are workload ports, the Service targetPort)");
        }
      }
    }
    if (mode == MtlsMode.UNSET) {
      mode = MtlsMode.PERMISSIVE;
    }
    return new ServerSide(
        ServerMtls.valueOf(mode.name()), Optional.ofNullable(source), Optional.ofNullable(at), field, meshWide, steps);
  }

  /**
   * §4.3: the namespace-level mode of the service namespace, else the mesh level, else PERMISSIVE. The step is added
   * to {@code steps} unless it is null.
   */
  MtlsMode inferredServiceMode(String serviceNs, List<String> steps) {
    MtlsMode mode = MtlsMode.PERMISSIVE;
    PeerAuthentication decided = null;
    Optional<PeerAuthentication> m = meshLevel();
    if (m.isPresent() && m.get().mode() != MtlsMode.UNSET) {
      mode = m.get().mode();
      decided = m.get();
    }
    Optional<PeerAuthentication> n = namespaceLevel(serviceNs);
    if (n.isPresent() && n.get().mode() != MtlsMode.UNSET) {
      mode = n.get().mode();
      decided = n.get();
    }
    if (steps != null) {
      String why =
          decided == null
              ? "no namespace- or mesh-wide PeerAuthentication: PERMISSIVE"
              : (decided == n.orElse(null) ? "namespace-wide" : "mesh-wide") + " PeerAuthentication "
                  + decided.namespace() + "/" + decided.name() + ": " + mode;
      steps.add("auto mTLS infers the service mode from namespace- and mesh-wide policies only (" + why + ")");
    }
    return mode;
  }

  /** §5.3: targeted Policy, else the namespace {@code default} Policy, else the MeshPolicy {@code default}. */
  ServerSide legacy(Destination d, Destination.Port port, boolean explain) {
    List<String> steps = explain ? new ArrayList<>() : null;
    String ns = d.namespace();
    Policy targetedPort = null;
    Policy targetedHost = null;
    Policy namespaceWide = null;
    for (Policy p : policies.getOrDefault(ns, List.of())) {
      if (p.isNamespaceWide()) {
        if (p.name().equals("default") && namespaceWide == null) {
          namespaceWide = p;
        }
        continue;
      }
      for (LegacyAuthenticationPolicy.TargetSelector t : p.spec().targets()) {
        if (!HostName.expand(t.name().value(), p.namespace()).equals(d.host())) {
          continue;
        }
        if (t.ports().isEmpty()) {
          if (targetedHost == null) {
            targetedHost = p;
          }
        } else if (t.ports().stream().anyMatch(s -> selects(s, port)) && targetedPort == null) {
          targetedPort = p;
        }
      }
    }
    Resource chosen;
    LegacyAuthenticationPolicy spec;
    boolean meshWide = false;
    if (targetedPort != null || targetedHost != null) {
      Policy p = targetedPort != null ? targetedPort : targetedHost;
      chosen = p;
      spec = p.spec();
      if (steps != null) {
        steps.add("Policy " + p.namespace() + "/" + p.name() + " targets " + d.host()
            + (targetedPort != null ? " port " + port.number() : "") + " (" + where(p) + ")");
      }
    } else if (namespaceWide != null) {
      chosen = namespaceWide;
      spec = namespaceWide.spec();
      if (steps != null) {
        steps.add("no Policy targets " + d.host() + "; the namespace Policy " + ns + "/default applies ("
            + where(namespaceWide) + ")");
      }
    } else if (meshPolicy.isPresent()) {
      chosen = meshPolicy.get();
      spec = meshPolicy.get().spec();
      meshWide = true;
      if (steps != null) {
        steps.add("no Policy in " + ns + " applies; the MeshPolicy default applies (" + where(chosen) + ")");
      }
    } else {
      if (!profile.globalDestinationRules()) {
        if (steps != null) {
          steps.add("no Policy or MeshPolicy default applies: no mTLS (DISABLE)");
        }
        return new ServerSide(ServerMtls.DISABLE, Optional.empty(), Optional.empty(), "", false, steps);
      }
      ServerMtls m = mesh.authPolicyMutual ? ServerMtls.STRICT : ServerMtls.DISABLE;
      if (steps != null) {
        steps.add("no Policy or MeshPolicy default applies; meshConfig.authPolicy is "
            + (mesh.authPolicyMutual ? "MUTUAL_TLS: STRICT" : "NONE (the default): no mTLS (DISABLE)"));
      }
      return new ServerSide(m, Optional.empty(), Optional.empty(), "", false, steps);
    }
    if (steps != null) {
      steps.add("v1alpha1 policies do not inherit: the selected one replaces broader ones completely");
      jwtWithoutJwks(spec).ifPresent(j -> steps.add(
          "its JWT for issuer " + j + " has no jwksUri and needs OpenID discovery at runtime; if discovery fails,"
              + " Istio 1.0 skips this Policy and falls back to meshConfig.authPolicy (not the MeshPolicy)"));
    }
    Optional<MutualTls> mtls = spec.peerMtls();
    if (mtls.isEmpty()) {
      if (steps != null) {
        steps.add("it has no mtls peer, so the server does not use mTLS (DISABLE)");
      }
      return new ServerSide(ServerMtls.DISABLE, Optional.of(chosen), Optional.of(chosen.nameSpan()), "peers",
          meshWide, steps);
    }
    MutualTls t = mtls.get();
    if (t.isAllowTls()) {
      if (steps != null) {
        steps.add("its mtls peer sets allowTls: TLS is still required (only the client certificate is optional), so"
            + " plaintext is rejected like STRICT");
      }
      return new ServerSide(ServerMtls.STRICT, Optional.of(chosen), Optional.of(t.allowTls().get().span()),
          "peers[].mtls.allowTls", meshWide, steps);
    }
    if (spec.peerIsOptional().map(Located::value).orElse(false)) {
      if (steps != null) {
        steps.add("peerIsOptional: true is treated as PERMISSIVE (unconfirmed for the data plane)");
      }
      return new ServerSide(ServerMtls.PERMISSIVE, Optional.of(chosen), Optional.of(spec.peerIsOptional().get().span()),
          "peerIsOptional", meshWide, steps);
    }
    LegacyMtlsMode mode = t.effectiveMode();
    if (steps != null) {
      String written = !t.written() ? "mtls: (null)" : t.mode().value() == LegacyMtlsMode.UNSET ? "mtls: {}"
          : "mtls mode " + t.mode().value();
      steps.add("its " + written + " means " + mode + (mode == LegacyMtlsMode.STRICT && t.mode().value()
          == LegacyMtlsMode.UNSET ? " (enum value 0 is STRICT in v1alpha1)" : "") + " (" + t.span().file() + ":"
          + t.span().startLine() + ")");
    }
    return new ServerSide(
        mode == LegacyMtlsMode.PERMISSIVE ? ServerMtls.PERMISSIVE : ServerMtls.STRICT, Optional.of(chosen),
        Optional.of(t.span()), "peers[].mtls", meshWide, steps);
  }

  /** 1.4: the v1alpha1 mode used to infer whether auto mTLS is on for a service. */
  ServerMtls legacyInference(Destination d, Destination.Port port, List<String> steps) {
    ServerSide s = legacy(d, port, false);
    if (steps != null) {
      steps.add("auto mTLS in 1.4 infers the service mode from the v1alpha1 policy: " + s.mode());
    }
    return s.mode();
  }

  private static Optional<String> jwtWithoutJwks(LegacyAuthenticationPolicy spec) {
    for (LegacyAuthenticationPolicy.OriginAuthenticationMethod o : spec.origins()) {
      if (o.jwt().isPresent() && o.jwt().get().jwksUri().isEmpty()) {
        return Optional.of(o.jwt().get().issuer().map(Located::value).orElse("(none)"));
      }
    }
    for (LegacyAuthenticationPolicy.PeerAuthenticationMethod p : spec.peers()) {
      if (p.jwt().isPresent() && p.jwt().get().jwksUri().isEmpty()) {
        return Optional.of(p.jwt().get().issuer().map(Located::value).orElse("(none)"));
      }
    }
    return Optional.empty();
  }

  private static boolean selects(PortSelector s, Destination.Port port) {
    return s.selects(port.number(), port.name());
  }

  private static String where(Resource r) {
    return r.nameSpan().file() + ":" + r.nameSpan().startLine();
  }
}
