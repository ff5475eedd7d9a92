package dev.istiolint.core.internal.decode;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.model.ConfigMap;
import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.CronJob;
import dev.istiolint.core.model.DaemonSet;
import dev.istiolint.core.model.Deployment;
import dev.istiolint.core.model.IstioOperator;
import dev.istiolint.core.model.Job;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.Pod;
import dev.istiolint.core.model.PodTemplate;
import dev.istiolint.core.model.ReplicaSet;
import dev.istiolint.core.model.Secret;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.model.StatefulSet;
import dev.istiolint.core.source.SourceSpan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decoders for the Kubernetes kinds and the IstioOperator. */
final class KubernetesDecoder {

  private final NodeReader r = NodeReader.DIRECT;
  private final CommonDecoders common = new CommonDecoders(r);

  Namespace namespace(Header h) {
    return new Namespace(h.ref(), h.meta(), h.span());
  }

  Service service(Header h) {
    YMap s = h.spec();
    List<Service.ServicePort> ports = new ArrayList<>();
    for (YMap p : r.maps(s, "ports")) {
      Optional<Located<Integer>> port = r.integer(p, "port");
      if (port.isEmpty()) {
        continue;
      }
      ports.add(
          new Service.ServicePort(
              r.str(p, "name"),
              port.get(),
              r.intOrString(p, "targetPort"),
              r.str(p, "protocol"),
              r.str(p, "appProtocol"),
              r.integer(p, "nodePort"),
              r.span(p)));
    }
    Located<Service.Type> type =
        r.str(s, "type")
            .map(t -> Located.of(Service.Type.fromText(t.value()), t.span()))
            .orElse(Located.of(Service.Type.UNSET, r.span(s)));
    return new Service(
        h.ref(), h.meta(), h.span(), type, ports, r.stringMap(s, "selector"), r.str(s, "clusterIP"),
        r.str(s, "externalName"));
  }

  Deployment deployment(Header h) {
    return new Deployment(h.ref(), h.meta(), h.span(), selector(h.spec()), template(h.spec(), h.span()));
  }

  StatefulSet statefulSet(Header h) {
    return new StatefulSet(h.ref(), h.meta(), h.span(), selector(h.spec()), template(h.spec(), h.span()));
  }

  DaemonSet daemonSet(Header h) {
    return new DaemonSet(h.ref(), h.meta(), h.span(), selector(h.spec()), template(h.spec(), h.span()));
  }

  ReplicaSet replicaSet(Header h) {
    return new ReplicaSet(h.ref(), h.meta(), h.span(), selector(h.spec()), template(h.spec(), h.span()));
  }

  Job job(Header h) {
    return new Job(h.ref(), h.meta(), h.span(), selector(h.spec()), template(h.spec(), h.span()));
  }

  CronJob cronJob(Header h) {
    YMap jobSpec =
        r.map(h.spec(), "jobTemplate").flatMap(j -> r.map(j, "spec")).orElse(Header.emptyAt(h.span()));
    return new CronJob(h.ref(), h.meta(), h.span(), selector(jobSpec), template(jobSpec, h.span()));
  }

  Pod pod(Header h) {
    Optional<YMap> meta = r.map(h.root(), "metadata");
    return new Pod(
        h.ref(),
        h.meta(),
        h.span(),
        podTemplate(
            meta.map(m -> r.stringMap(m, "labels")).orElse(Map.of()),
            meta.map(m -> r.stringMap(m, "annotations")).orElse(Map.of()),
            h.spec(),
            h.span()));
  }

  private Optional<LabelSelector> selector(YMap spec) {
    return common.selector(spec, "selector");
  }

  private PodTemplate template(YMap spec, SourceSpan fallback) {
    Optional<YMap> t = r.map(spec, "template");
    if (t.isEmpty()) {
      return podTemplate(Map.of(), Map.of(), Header.emptyAt(fallback), fallback);
    }
    Optional<YMap> meta = r.map(t.get(), "metadata");
    return podTemplate(
        meta.map(m -> r.stringMap(m, "labels")).orElse(Map.of()),
        meta.map(m -> r.stringMap(m, "annotations")).orElse(Map.of()),
        r.map(t.get(), "spec").orElse(Header.emptyAt(r.span(t.get()))),
        r.span(t.get()));
  }

  private PodTemplate podTemplate(
      Map<String, Located<String>> labels, Map<String, Located<String>> annotations, YMap podSpec, SourceSpan span) {
    Optional<Located<String>> sa = r.str(podSpec, "serviceAccountName");
    if (sa.isEmpty()) {
      sa = r.str(podSpec, "serviceAccount");
    }
    return new PodTemplate(
        labels,
        annotations,
        sa,
        containers(podSpec, "containers"),
        containers(podSpec, "initContainers"),
        r.bool(podSpec, "hostNetwork"),
        span,
        r.map(podSpec, "securityContext").flatMap(sc -> r.integer(sc, "runAsUser")));
  }

  private List<Container> containers(YMap podSpec, String key) {
    List<Container> out = new ArrayList<>();
    for (YMap c : r.maps(podSpec, key)) {
      List<Container.ContainerPort> ports = new ArrayList<>();
      for (YMap p : r.maps(c, "ports")) {
        r.integer(p, "containerPort")
            .ifPresent(cp -> ports.add(new Container.ContainerPort(r.str(p, "name"), cp, r.str(p, "protocol"), r.span(p))));
      }
      out.add(
          new Container(
              r.str(c, "name").orElse(Located.of("", r.span(c))),
              r.str(c, "image"),
              ports,
              r.strings(c, "args"),
              r.span(c),
              r.map(c, "securityContext").flatMap(sc -> r.integer(sc, "runAsUser")),
              env(c)));
    }
    return out;
  }

  /** The literal {@code env} values of a container, by name (entries with {@code valueFrom} are left out). */
  private Map<String, Located<String>> env(YMap container) {
    Map<String, Located<String>> out = new LinkedHashMap<>();
    for (YMap e : r.maps(container, "env")) {
      Optional<Located<String>> name = r.str(e, "name");
      Optional<Located<String>> value = r.str(e, "value");
      if (name.isPresent() && value.isPresent()) {
        out.putIfAbsent(name.get().value(), value.get());
      }
    }
    return out;
  }

  ConfigMap configMap(Header h, List<Diagnostic> sink) {
    Map<String, Located<String>> data = new LinkedHashMap<>();
    Optional<MeshConfig> mesh = Optional.empty();
    Optional<YMap> dataMap = r.map(h.root(), "data");
    if (dataMap.isPresent()) {
      for (YMap.Entry e : dataMap.get().entries()) {
        if (e.value() instanceof YScalar s) {
          data.putIfAbsent(e.key().value(), Located.of(s.isNull() ? "" : s.value(), s.span()));
        }
      }
      String name = h.ref().name();
      boolean meshConfigMap = name.equals("istio") || name.startsWith("istio-");
      Optional<YMap.Entry> meshEntry = dataMap.get().entry("mesh");
      if (meshConfigMap && meshEntry.isPresent()) {
        if (meshEntry.get().value() instanceof YScalar s) {
          mesh =
              s.isNull()
                  ? Optional.of(MeshConfig.empty(s.span()))
                  : MeshConfigReader.parseEmbedded(meshEntry.get().key(), s, h.ref(), sink);
        } else {
          sink.add(
              MeshConfigReader.problem(
                  h.ref(),
                  meshEntry.get().value().span(),
                  "data.mesh of " + h.ref().id() + " must be a string holding the MeshConfig YAML"));
        }
      }
    }
    return new ConfigMap(h.ref(), h.meta(), h.span(), data, r.keys(h.root(), "binaryData"), mesh);
  }

  Secret secret(Header h) {
    List<Located<String>> keys = new ArrayList<>(r.keys(h.root(), "data"));
    keys.addAll(r.keys(h.root(), "stringData"));
    Map<String, Secret.Certificate> certificates = new LinkedHashMap<>();
    for (String key : CERTIFICATE_KEYS) {
      r.map(h.root(), "data")
          .flatMap(d -> r.str(d, key))
          .ifPresent(v -> certificates.put(key, certificate(decodeBase64(v.value()))));
      r.map(h.root(), "stringData")
          .flatMap(d -> r.str(d, key))
          .ifPresent(v -> certificates.put(key, certificate(Optional.of(v.value()))));
    }
    return new Secret(h.ref(), h.meta(), h.span(), r.str(h.root(), "type"), keys, certificates);
  }

  /** The keys that hold public certificates; private keys are never read. */
  private static final List<String> CERTIFICATE_KEYS = List.of("tls.crt", "cert", "ca.crt", "cacert");

  private static Optional<String> decodeBase64(String value) {
    try {
      return Optional.of(new String(Base64.getMimeDecoder().decode(value.strip()), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Reads the first X.509 certificate of a PEM text (the leaf of a chain). */
  private static Secret.Certificate certificate(Optional<String> pem) {
    if (pem.isEmpty() || !pem.get().contains("-----BEGIN CERTIFICATE-----")) {
      return new Secret.Certificate(false, Optional.empty());
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      java.security.cert.Certificate c =
          factory.generateCertificate(new ByteArrayInputStream(pem.get().getBytes(StandardCharsets.UTF_8)));
      if (c instanceof X509Certificate x) {
        return new Secret.Certificate(true, Optional.of(x.getNotAfter().toInstant()));
      }
      return new Secret.Certificate(true, Optional.empty());
    } catch (CertificateException | RuntimeException e) {
      return new Secret.Certificate(false, Optional.empty());
    }
  }

  IstioOperator istioOperator(Header h, List<Diagnostic> sink) {
    YMap s = h.spec();
    Optional<MeshConfig> mesh =
        r.map(s, "meshConfig").map(m -> MeshConfigReader.readInManifest(m, h.ref(), "spec.meshConfig", sink));
    Optional<YMap> mtls = r.map(s, "values").flatMap(v -> r.map(v, "global")).flatMap(g -> r.map(g, "mtls"));
    return new IstioOperator(
        h.ref(),
        h.meta(),
        h.span(),
        r.str(s, "profile"),
        r.str(s, "revision"),
        mesh,
        mtls.flatMap(m -> r.bool(m, "auto")),
        mtls.flatMap(m -> r.bool(m, "enabled")));
  }
}
