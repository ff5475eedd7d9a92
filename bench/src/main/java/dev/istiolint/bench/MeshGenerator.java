package dev.istiolint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic but realistic mesh: {@code N} namespaces of {@code S} services each, one multi-document file per
 * namespace plus one for the root namespace. The output depends only on the parameters and the seed.
 *
 * <p>Per service: a Service, a Deployment with injection labels, a DestinationRule (connection pool, outlier
 * detection, subsets v1/v2, ISTIO_MUTUAL at the top or per port) and a VirtualService routing by header match and
 * weights to the subsets. Per namespace: a Namespace and a PeerAuthentication (about one in ten STRICT). In the root
 * namespace: the {@code istio} ConfigMap (auto mTLS off), a mesh-wide PeerAuthentication and DestinationRule, and a
 * Gateway.
 *
 * <p>Seeded problems, so that findings are produced too: DestinationRules without TLS in STRICT namespaces (auto
 * mTLS is off, so their clients send plain text), VirtualServices routing to a missing subset, duplicate keys and
 * unknown fields. Namespace 1 holds one of each whenever it has at least four services.
 *
 * <p>Usage: {@code MeshGenerator --out DIR (--resources R | --namespaces N --services S) [--seed 42]}.
 */
public final class MeshGenerator {

  /** What was written. */
  public record Stats(
      int files,
      int resources,
      long bytes,
      int drWithoutTlsUnderStrict,
      int missingSubsets,
      int duplicateKeys,
      int unknownFields) {

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "files=%d resources=%d bytes=%d problems: drWithoutTlsUnderStrict=%d missingSubset=%d duplicateKey=%d"
              + " unknownField=%d",
          files,
          resources,
          bytes,
          drWithoutTlsUnderStrict,
          missingSubsets,
          duplicateKeys,
          unknownFields);
    }
  }

  /** Resources outside the namespaces: istio-system Namespace, ConfigMap, PeerAuthentication, DestinationRule, Gateway. */
  static final int ROOT_RESOURCES = 5;

  private static final String[] WORDS = {
    "cart", "checkout", "payments", "catalog", "search", "reviews", "ratings", "orders", "shipping", "inventory",
    "users", "auth", "billing", "ledger", "pricing", "promo", "email", "notify", "media", "thumbs", "geo", "recs",
    "ads", "audit"
  };

  private final int namespaces;
  private final int services;
  private final long seed;

  private int resources;
  private int drWithoutTls;
  private int missingSubsets;
  private int duplicateKeys;
  private int unknownFields;

  public MeshGenerator(int namespaces, int services, long seed) {
    if (namespaces < 1 || services < 1) {
      throw new IllegalArgumentException("namespaces and services must be at least 1");
    }
    this.namespaces = namespaces;
    this.services = services;
    this.seed = seed;
  }

  /** A generator for about {@code total} resources: one namespace per 100, services to fill them. */
  public static MeshGenerator forResources(int total, long seed) {
    int ns = Math.max(1, total / 100);
    int svc = (int) Math.max(1, Math.round((total - ROOT_RESOURCES - 2.0 * ns) / (4.0 * ns)));
    return new MeshGenerator(ns, svc, seed);
  }

  /** The number of resources this generator writes. */
  public int resourceCount() {
    return ROOT_RESOURCES + namespaces * (2 + 4 * services);
  }

  public static void main(String[] args) throws IOException {
    Path out = null;
    Integer total = null;
    Integer ns = null;
    Integer svc = null;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--out" -> out = Path.of(require(a, v));
        case "--resources" -> total = parseSize(require(a, v));
        case "--namespaces" -> ns = Integer.parseInt(require(a, v));
        case "--services" -> svc = Integer.parseInt(require(a, v));
        case "--seed" -> seed = Long.parseLong(require(a, v));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
      i++;
    }
    if (out == null || (total == null) == (ns == null || svc == null)) {
      throw new IllegalArgumentException(
          "usage: MeshGenerator --out DIR (--resources R | --namespaces N --services S) [--seed 42]");
    }
    MeshGenerator g = total != null ? forResources(total, seed) : new MeshGenerator(ns, svc, seed);
    Stats stats = g.write(out);
    System.out.println(out + ": " + stats);
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  /** {@code 1000}, {@code 10k}, {@code 100k}. */
  static int parseSize(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return t.endsWith("k") ? Integer.parseInt(t.substring(0, t.length() - 1)) * 1000 : Integer.parseInt(t);
  }

  /**
   * Writes the corpus into {@code dir} (created if needed), with a {@code corpus.properties} that names the
   * parameters. Existing YAML files of an earlier corpus with other parameters are not removed: use a fresh folder.
   */
  public Stats write(Path dir) throws IOException {
    resetCounts();
    Files.createDirectories(dir);
    long bytes = 0;
    bytes += writeFile(dir.resolve("istio-system.yaml"), rootFile());
    for (int n = 1; n <= namespaces; n++) {
      bytes += writeFile(dir.resolve(namespaceName(n) + ".yaml"), namespaceFile(n));
    }
    Stats stats =
        new Stats(namespaces + 1, resources, bytes, drWithoutTls, missingSubsets, duplicateKeys, unknownFields);
    String props =
        "# written by dev.istiolint.bench.MeshGenerator\n"
            + "namespaces="
            + namespaces
            + "\nservices="
            + services
            + "\nseed="
            + seed
            + "\nresources="
            + resources
            + "\nbytes="
            + bytes
            + "\n";
    Files.writeString(dir.resolve("corpus.properties"), props, StandardCharsets.UTF_8);
    return stats;
  }

  /** The whole corpus in memory, file name to content, in file order (for tests and benchmarks without disk). */
  public Map<String, String> generate() {
    resetCounts();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("istio-system.yaml", rootFile());
    for (int n = 1; n <= namespaces; n++) {
      files.put(namespaceName(n) + ".yaml", namespaceFile(n));
    }
    return files;
  }

  private void resetCounts() {
    resources = 0;
    drWithoutTls = 0;
    missingSubsets = 0;
    duplicateKeys = 0;
    unknownFields = 0;
  }

  private static long writeFile(Path file, String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    try {
      Files.write(file, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.length;
  }

  static String namespaceName(int n) {
    return String.format(Locale.ROOT, "ns-%04d", n);
  }

  private String rootFile() {
    StringBuilder b = new StringBuilder(4096);
    b.append("# root namespace: mesh config, mesh-wide policies and the ingress gateway\n");
    b.append(
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: istio-system
          labels:
            topology.istio.io/network: network1
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: istio
          namespace: istio-system
          labels:
            app: istiod
            release: istio
        data:
          mesh: |-
            rootNamespace: istio-system
            enableAutoMtls: false
            defaultConfig:
              discoveryAddress: istiod.istio-system.svc:15012
              holdApplicationUntilProxyStarts: true
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
            trustDomain: cluster.local
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: PERMISSIVE
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: default
          namespace: istio-system
        spec:
          host: "*.local"
          exportTo:
          - "*"
          trafficPolicy:
            tls:
              mode: ISTIO_MUTUAL
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: ingress
          namespace: istio-system
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port:
              number: 443
              name: https
              protocol: HTTPS
            hosts:
            - "*/shop.example.com"
            tls:
              mode: SIMPLE
              credentialName: shop-example-com-cert
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - "*/shop.example.com"
            tls:
              httpsRedirect: true
        """);
    resources += ROOT_RESOURCES;
    return b.toString();
  }

  private String namespaceFile(int n) {
    Random rnd = new Random(seed * 1_000_003L + n);
    String ns = namespaceName(n);
    boolean strict = n == 1 || rnd.nextInt(10) == 0;
    StringBuilder b = new StringBuilder(services * 3600 + 512);
    b.append("# namespace ").append(ns).append(": ").append(services).append(" services\n");
    b.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ")
        .append(ns)
        .append("\n  labels:\n    istio-injection: enabled\n    team: ")
        .append(WORDS[n % WORDS.length])
        .append('\n');
    b.append("---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n")
        .append("  namespace: ")
        .append(ns)
        .append("\nspec:\n  mtls:\n    mode: ")
        .append(strict ? "STRICT" : "PERMISSIVE")
        .append('\n');
    resources += 2;
    boolean forced = n == 1 && services >= 4;
    for (int s = 0; s < services; s++) {
      String svc = WORDS[s % WORDS.length] + "-" + String.format(Locale.ROOT, "%02d", s / WORDS.length + 1);
      String host = svc + "." + ns + ".svc.cluster.local";
      boolean noTls = strict && (forced ? s == 0 : rnd.nextInt(20) == 0);
      boolean missingSubset = forced ? s == 1 : rnd.nextInt(200) == 0;
      boolean duplicateKey = forced ? s == 2 : rnd.nextInt(500) == 0;
      boolean unknownField = forced ? s == 3 : rnd.nextInt(300) == 0;
      boolean portLevel = rnd.nextInt(4) == 0;
      int port = 8080 + rnd.nextInt(3) * 10;
      int version = 1 + rnd.nextInt(9);
      service(b, ns, svc, port, duplicateKey);
      deployment(b, ns, svc, port, version, rnd);
      destinationRule(b, ns, svc, host, port, noTls, portLevel, unknownField, rnd);
      virtualService(b, ns, svc, host, port, missingSubset, rnd);
      resources += 4;
      drWithoutTls += noTls ? 1 : 0;
      missingSubsets += missingSubset ? 1 : 0;
      duplicateKeys += duplicateKey ? 1 : 0;
      unknownFields += unknownField ? 1 : 0;
    }
    return b.toString();
  }

  private static void service(StringBuilder b, String ns, String svc, int port, boolean duplicateKey) {
    b.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ")
        .append(svc)
        .append("\n  namespace: ")
        .append(ns)
        .append("\n  labels:\n    app: ")
        .append(svc)
        .append("\n    tier: backend\n");
    if (duplicateKey) {
      b.append("    tier: frontend\n");
    }
    b.append("  annotations:\n    prometheus.io/scrape: \"true\"\n    prometheus.io/port: \"15020\"\n");
    b.append("spec:\n  selector:\n    app: ")
        .append(svc)
        .append("\n  ports:\n  - name: http\n    port: ")
        .append(port)
        .append("\n    targetPort: ")
        .append(port)
        .append("\n  - name: grpc-admin\n    port: 9090\n    targetPort: 9090\n");
  }

  private static void deployment(StringBuilder b, String ns, String svc, int port, int version, Random rnd) {
    b.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ")
        .append(svc)
        .append("-v1\n  namespace: ")
        .append(ns)
        .append("\n  labels:\n    app: ")
        .append(svc)
        .append("\n    version: v1\nspec:\n  replicas: ")
        .append(1 + rnd.nextInt(3))
        .append("\n  selector:\n    matchLabels:\n      app: ")
        .append(svc)
        .append("\n      version: v1\n  template:\n    metadata:\n      labels:\n        app: ")
        .append(svc)
        .append("\n        version: v1\n        sidecar.istio.io/inject: \"true\"\n")
        .append("      annotations:\n        proxy.istio.io/config: |\n          holdApplicationUntilProxyStarts: true\n")
        .append("    spec:\n      serviceAccountName: ")
        .append(svc)
        .append("\n      containers:\n      - name: app\n        image: registry.example.com/shop/")
        .append(svc)
        .append(":1.")
        .append(version)
        .append(".0\n        ports:\n        - containerPort: ")
        .append(port)
        .append("\n          name: http\n        - containerPort: 9090\n          name: grpc-admin\n")
        .append("        env:\n        - name: SERVICE_NAME\n          value: ")
        .append(svc)
        .append("\n        - name: OTEL_EXPORTER_OTLP_ENDPOINT\n          value: http://otel-collector.observability:4317\n")
        .append("        - name: LOG_LEVEL\n          value: info\n")
        .append("        securityContext:\n          runAsNonRoot: true\n          allowPrivilegeEscalation: false\n")
        .append("        resources:\n          requests:\n            cpu: 100m\n            memory: 128Mi\n")
        .append("          limits:\n            memory: 256Mi\n")
        .append("        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: ")
        .append(port)
        .append("\n        livenessProbe:\n          httpGet:\n            path: /livez\n            port: ")
        .append(port)
        .append("\n          initialDelaySeconds: 10\n          periodSeconds: 15\n");
  }

  private static void destinationRule(
      StringBuilder b,
      String ns,
      String svc,
      String host,
      int port,
      boolean noTls,
      boolean portLevel,
      boolean unknownField,
      Random rnd) {
    b.append("---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ")
        .append(svc)
        .append("\n  namespace: ")
        .append(ns)
        .append("\nspec:\n  host: ")
        .append(host)
        .append("\n  trafficPolicy:\n    connectionPool:\n      tcp:\n        ")
        .append(unknownField ? "maxConnection" : "maxConnections")
        .append(": ")
        .append(50 + rnd.nextInt(10) * 10)
        .append("\n        connectTimeout: 30ms\n      http:\n        http2MaxRequests: 1000\n")
        .append("        maxRequestsPerConnection: 10\n")
        .append("    outlierDetection:\n      consecutive5xxErrors: ")
        .append(3 + rnd.nextInt(5))
        .append("\n      interval: 30s\n      baseEjectionTime: 1m\n      maxEjectionPercent: 50\n")
        .append("    loadBalancer:\n      simple: LEAST_REQUEST\n");
    if (!noTls && !portLevel) {
      b.append("    tls:\n      mode: ISTIO_MUTUAL\n");
    }
    if (portLevel) {
      b.append("    portLevelSettings:\n");
      for (int p : new int[] {port, 9090}) {
        b.append("    - port:\n        number: ").append(p).append('\n');
        if (!noTls) {
          b.append("      tls:\n        mode: ISTIO_MUTUAL\n");
        }
        b.append("      loadBalancer:\n        simple: ").append(p == 9090 ? "ROUND_ROBIN" : "LEAST_REQUEST").append('\n');
      }
    }
    b.append("  subsets:\n  - name: v1\n    labels:\n      version: v1\n")
        .append("  - name: v2\n    labels:\n      version: v2\n    trafficPolicy:\n")
        .append("      loadBalancer:\n        simple: ROUND_ROBIN\n");
  }

  private static void virtualService(
      StringBuilder b, String ns, String svc, String host, int port, boolean missingSubset, Random rnd) {
    int canary = 5 * (1 + rnd.nextInt(4));
    b.append("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ")
        .append(svc)
        .append("\n  namespace: ")
        .append(ns)
        .append("\nspec:\n  hosts:\n  - ")
        .append(host)
        .append("\n  http:\n  - name: canary\n    match:\n    - headers:\n        x-canary:\n          exact: \"true\"\n")
        .append("    route:\n    - destination:\n        host: ")
        .append(host)
        .append("\n        subset: ")
        .append(missingSubset ? "v3" : "v2")
        .append("\n        port:\n          number: ")
        .append(port)
        .append("\n  - name: primary\n    route:\n    - destination:\n        host: ")
        .append(host)
        .append("\n        subset: v1\n        port:\n          number: ")
        .append(port)
        .append("\n      weight: ")
        .append(100 - canary)
        .append("\n    - destination:\n        host: ")
        .append(host)
        .append("\n        subset: v2\n        port:\n          number: ")
        .append(port)
        .append("\n      weight: ")
        .append(canary)
        .append("\n    timeout: 5s\n    retries:\n      attempts: 3\n      perTryTimeout: 2s\n")
        .append("      retryOn: 5xx,reset,connect-failure\n")
        .append("    headers:\n      request:\n        set:\n          x-mesh-env: production\n");
  }
}
