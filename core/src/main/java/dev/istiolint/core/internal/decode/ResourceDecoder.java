package dev.istiolint.core.internal.decode;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.model.GenericResource;
import dev.istiolint.core.model.KubernetesGateway;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshPolicy;
import dev.istiolint.core.model.ObjectMeta;
import dev.istiolint.core.model.Policy;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes a document tree into a typed resource, once; nothing after this sees a node. Kinds are recognised by kind
 * and API group (every served version of the group); anything else becomes a {@link GenericResource}. A field of the
 * wrong shape is skipped (the schema check reports it), an unknown enum value decodes to {@code UNSET}.
 */
public final class ResourceDecoder {

  /** Kubernetes kinds without a namespace. Their {@link ResourceId} namespace is empty whatever the document says. */
  static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "MeshPolicy",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleBinding",
          "PersistentVolume",
          "StorageClass",
          "IngressClass",
          "PriorityClass",
          "APIService",
          "Node",
          "GatewayClass",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "RuntimeClass",
          "CSIDriver",
          "ClusterIssuer",
          "PodSecurityPolicy");

  private final String defaultNamespace;
  private final IstioDecoder istio = new IstioDecoder();
  private final IstioExtraDecoder extra = new IstioExtraDecoder();
  private final KubernetesDecoder kube = new KubernetesDecoder();

  public ResourceDecoder(String defaultNamespace) {
    this.defaultNamespace = defaultNamespace;
  }

  /** The resource of a document, or the findings that explain why there is none. */
  public record Decoded(Optional<Resource> resource, List<Diagnostic> problems, List<Throwable> internalErrors) {
    public Decoded {
      problems = List.copyOf(problems);
      internalErrors = List.copyOf(internalErrors);
    }

    public Decoded(Optional<Resource> resource, List<Diagnostic> problems) {
      this(resource, problems, List.of());
    }
  }

  public Decoded decode(YDocument doc) {
    if (!(doc.root() instanceof YMap root)) {
      return problem(doc.root(), "the document is not a mapping; a resource needs apiVersion, kind and metadata");
    }
    Optional<YScalar> apiVersion = scalar(root, "apiVersion");
    Optional<YScalar> kind = scalar(root, "kind");
    if (root.get("kind").isEmpty() && root.get("metadata").isEmpty()) {
      // a values file, Chart.yaml, a docker-compose file: not ours to judge, but never dropped without a trace
      return problem(
          CoreRules.NOT_A_MANIFEST,
          root,
          "not a Kubernetes manifest (no kind and no metadata); skipped");
    }
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return problem(root, "the document has no " + (apiVersion.isEmpty() ? "apiVersion" : "kind"));
    }
    Optional<YMap> meta = root.get("metadata").filter(YMap.class::isInstance).map(YMap.class::cast);
    // kubectl create accepts generateName instead of a name
    Optional<YScalar> name =
        meta.flatMap(m -> scalar(m, "name").or(() -> scalar(m, "generateName")));
    if (name.isEmpty() && kind.get().value().equals("IstioOperator")) {
      // istioctl install reads IstioOperator files that have no name; they never reach the API server as such
      name = Optional.of(new YScalar("", false, Optional.empty(), kind.get().span()));
    }
    if (name.isEmpty()) {
      return problem(meta.<YNode>map(m -> m).orElse(root), "the resource has no metadata.name");
    }
    Optional<YScalar> ns = meta.flatMap(m -> scalar(m, "namespace"));
    ObjectMeta om =
        new ObjectMeta(
            located(name.get()),
            ns.map(ResourceDecoder::located),
            meta.map(m -> stringMap(m, "labels")).orElse(Map.of()),
            meta.map(m -> stringMap(m, "annotations")).orElse(Map.of()),
            meta.flatMap(m -> scalar(m, "creationTimestamp")).map(YScalar::value));
    String kindName = kind.get().value();
    String namespace = CLUSTER_SCOPED.contains(kindName) ? "" : ns.map(YScalar::value).orElse(defaultNamespace);
    ResourceRef ref = new ResourceRef(apiVersion.get().value(), new ResourceId(kindName, namespace, name.get().value()));
    YMap spec = root.get("spec").filter(YMap.class::isInstance).map(YMap.class::cast).orElse(Header.emptyAt(root.span()));
    Header h = new Header(ref, om, root.span(), root, spec, doc.strings());
    List<Diagnostic> problems = new ArrayList<>();
    Resource resource;
    List<Throwable> internalErrors = new ArrayList<>();
    try {
      resource = typed(h, group(ref.apiVersion()), kindName, problems);
    } catch (RuntimeException e) {
      problems.add(
          new Diagnostic(
              CoreRules.INTERNAL_ERROR,
              CoreRules.INTERNAL_ERROR.defaultSeverity(),
              "decoding " + ref.id()
                  + " failed; it is analysed as a generic resource; please report it (rerun with --debug for details)",
              om.name().span(),
              Optional.of(ref),
              List.of()));
      internalErrors.add(e);
      resource = null;
    }
    if (resource == null) {
      resource = new GenericResource(ref, om, root.span());
    }
    return new Decoded(Optional.of(resource), problems, internalErrors);
  }

  private Resource typed(Header h, String group, String kind, List<Diagnostic> problems) {
    switch (group) {
      case "networking.istio.io":
        return switch (kind) {
          case "DestinationRule" -> istio.destinationRule(h);
          case "VirtualService" -> istio.virtualService(h);
          case "Gateway" -> istio.gateway(h);
          case "ServiceEntry" -> istio.serviceEntry(h);
          case "WorkloadEntry" -> istio.workloadEntry(h);
          case "WorkloadGroup" -> istio.workloadGroup(h);
          case "Sidecar" -> extra.sidecar(h);
          case "EnvoyFilter" -> extra.envoyFilter(h);
          case "ProxyConfig" -> extra.proxyConfig(h);
          default -> null;
        };
      case "security.istio.io":
        return switch (kind) {
          case "PeerAuthentication" -> istio.peerAuthentication(h);
          case "RequestAuthentication" -> extra.requestAuthentication(h);
          case "AuthorizationPolicy" -> extra.authorizationPolicy(h);
          default -> null;
        };
      case "authentication.istio.io":
        return switch (kind) {
          case "MeshPolicy" -> new MeshPolicy(h.ref(), h.meta(), h.span(), istio.legacyPolicy(h));
          case "Policy" -> new Policy(h.ref(), h.meta(), h.span(), istio.legacyPolicy(h));
          default -> null;
        };
      case "telemetry.istio.io":
        return kind.equals("Telemetry") ? extra.telemetry(h) : null;
      case "extensions.istio.io":
        return kind.equals("WasmPlugin") ? extra.wasmPlugin(h) : null;
      case "install.istio.io":
        return kind.equals("IstioOperator") ? kube.istioOperator(h, problems) : null;
      case "":
        return switch (kind) {
          case "Namespace" -> kube.namespace(h);
          case "Service" -> kube.service(h);
          case "Pod" -> kube.pod(h);
          case "ConfigMap" -> kube.configMap(h, problems);
          case "Secret" -> kube.secret(h);
          default -> null;
        };
      case "apps":
      case "extensions":
        return switch (kind) {
          case "Deployment" -> kube.deployment(h);
          case "StatefulSet" -> kube.statefulSet(h);
          case "DaemonSet" -> kube.daemonSet(h);
          case "ReplicaSet" -> kube.replicaSet(h);
          default -> null;
        };
      case "batch":
        return switch (kind) {
          case "Job" -> kube.job(h);
          case "CronJob" -> kube.cronJob(h);
          default -> null;
        };
      case "admissionregistration.k8s.io":
        return switch (kind) {
          case "MutatingWebhookConfiguration" -> extra.mutatingWebhooks(h);
          case "ValidatingWebhookConfiguration" -> extra.validatingWebhooks(h);
          default -> null;
        };
      case "gateway.networking.k8s.io":
        return kind.equals("Gateway") ? kubernetesGateway(h) : null;
      default:
        return null;
    }
  }

  private KubernetesGateway kubernetesGateway(Header h) {
    NodeReader r = NodeReader.DIRECT;
    List<KubernetesGateway.Listener> listeners = new ArrayList<>();
    for (YMap l : r.maps(h.spec(), "listeners")) {
      listeners.add(
          new KubernetesGateway.Listener(
              r.str(l, "name"), r.str(l, "hostname"), r.integer(l, "port"), r.str(l, "protocol"), r.span(l)));
    }
    return new KubernetesGateway(h.ref(), h.meta(), h.span(), r.str(h.spec(), "gatewayClassName"), listeners);
  }

  /** The API group of an apiVersion: {@code networking.istio.io/v1} → {@code networking.istio.io}, {@code v1} → "". */
  static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static Map<String, Located<String>> stringMap(YMap meta, String key) {
    Map<String, Located<String>> out = new LinkedHashMap<>();
    meta.get(key)
        .filter(YMap.class::isInstance)
        .map(YMap.class::cast)
        .ifPresent(
            m -> {
              for (YMap.Entry e : m.entries()) {
                if (e.value() instanceof YScalar s) {
                  out.putIfAbsent(e.key().value(), Located.of(s.isNull() ? "" : s.value(), s.span()));
                }
              }
            });
    return out;
  }

  private static Optional<YScalar> scalar(YMap map, String key) {
    return map.get(key).filter(YScalar.class::isInstance).map(YScalar.class::cast).filter(s -> !s.isNull());
  }

  private static Located<String> located(YScalar s) {
    return Located.of(s.value(), s.span());
  }

  private static Decoded problem(YNode at, String message) {
    return problem(CoreRules.NOT_A_RESOURCE, at, message);
  }

  private static Decoded problem(RuleMeta rule, YNode at, String message) {
    return new Decoded(
        Optional.empty(),
        List.of(
            new Diagnostic(
                rule,
                rule.defaultSeverity(),
                message,
                at.span().start(),
                Optional.empty(),
                List.of())));
  }
}
