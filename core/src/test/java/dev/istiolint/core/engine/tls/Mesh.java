package dev.istiolint.core.engine.tls;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.internal.decode.ResourceDecoder;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: small meshes from YAML text, and the pieces of the engine over them. */
final class Mesh {

  /** Namespace foo (injected) with httpbin (port 8000 → 8080) and sleep; nothing else. */
  static final String FOO = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: foo, labels: {istio-injection: enabled}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: bar, labels: {istio-injection: enabled}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: httpbin, namespace: foo}
      spec:
        selector: {app: httpbin}
        ports: [{name: http, port: 8000, targetPort: 8080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: httpbin, namespace: foo}
      spec:
        selector: {matchLabels: {app: httpbin}}
        template:
          metadata: {labels: {app: httpbin, version: v1}}
          spec: {containers: [{name: httpbin, image: httpbin, ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: sleep, namespace: foo}
      spec:
        selector: {matchLabels: {app: sleep}}
        template:
          metadata: {labels: {app: sleep}}
          spec: {containers: [{name: sleep, image: curl}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: sleep, namespace: bar}
      spec:
        selector: {matchLabels: {app: sleep}}
        template:
          metadata: {labels: {app: sleep}}
          spec: {containers: [{name: sleep, image: curl}]}
      """;

  private Mesh() {}

  static List<Resource> resources(String yaml) {
    LoadedFile f = new YamlLoader().load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    if (!f.problems().isEmpty()) {
      throw new AssertionError(f.problems().toString());
    }
    ResourceDecoder decoder = new ResourceDecoder("default");
    List<Resource> out = new ArrayList<>();
    for (YDocument doc : f.documents()) {
      decoder.decode(doc).resource().ifPresent(out::add);
    }
    return out;
  }

  static MeshSnapshot snapshot(String yaml, String version) {
    return MeshSnapshot.of(resources(yaml), IstioVersion.parse(version).orElseThrow(), Optional.empty());
  }

  static TlsMatrix matrix(String yaml, String version) {
    MeshSnapshot s = snapshot(yaml, version);
    return TlsResolver.resolve(s, s.istioVersion());
  }

  /** The route from {@code client} to httpbin.foo:8000 (default subset). */
  static Route httpbin(TlsMatrix m, String client) {
    return m.routes().stream()
        .filter(r -> r.clientNamespace().equals(client) && r.host().equals("httpbin.foo.svc.cluster.local")
            && r.port() == 8000 && r.subset().isEmpty())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no route from " + client + " in " + m.routes()));
  }

  static String dr(String ns, String name, String host, String extra) {
    return "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: " + name + ", namespace: "
        + ns + "}\nspec:\n  host: \"" + host + "\"\n" + extra;
  }

  static String pa(String ns, String name, String selectorApp, String mode, String extra) {
    return "---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: " + name
        + ", namespace: " + ns + "}\nspec:\n" + (selectorApp.isEmpty() ? "" : "  selector: {matchLabels: {app: "
        + selectorApp + "}}\n") + (mode.isEmpty() ? "" : "  mtls: {mode: " + mode + "}\n") + extra;
  }
}
