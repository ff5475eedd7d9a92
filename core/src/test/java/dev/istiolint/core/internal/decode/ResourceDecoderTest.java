package dev.istiolint.core.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.model.ConfigMap;
import dev.istiolint.core.model.CronJob;
import dev.istiolint.core.model.DaemonSet;
import dev.istiolint.core.model.Deployment;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.GenericResource;
import dev.istiolint.core.model.IntOrString;
import dev.istiolint.core.model.IstioOperator;
import dev.istiolint.core.model.Job;
import dev.istiolint.core.model.LegacyAuthenticationPolicy;
import dev.istiolint.core.model.LegacyMtlsMode;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshPolicy;
import dev.istiolint.core.model.MtlsMode;
import dev.istiolint.core.model.Namespace;
import dev.istiolint.core.model.PeerAuthentication;
import dev.istiolint.core.model.Pod;
import dev.istiolint.core.model.Policy;
import dev.istiolint.core.model.ReplicaSet;
import dev.istiolint.core.model.Secret;
import dev.istiolint.core.model.ServerTlsMode;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.model.StatefulSet;
import dev.istiolint.core.model.TlsMode;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.model.WorkloadEntry;
import dev.istiolint.core.model.WorkloadGroup;
import dev.istiolint.core.rule.CoreRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceDecoderTest {

  private static String dr(String tls) {
    return """
        apiVersion: networking.istio.io/v1beta1
        kind: DestinationRule
        metadata:
          name: httpbin
          namespace: foo
        spec:
          host: httpbin
          trafficPolicy:
        %s
        """
        .formatted(tls);
  }

  @ParameterizedTest(name = "tls {0} -> {1} (effective {2})")
  @CsvSource({
    "'    tls: {mode: DISABLE}', DISABLE, DISABLE",
    "'    tls: {mode: SIMPLE}', SIMPLE, SIMPLE",
    "'    tls: {mode: MUTUAL}', MUTUAL, MUTUAL",
    "'    tls: {mode: ISTIO_MUTUAL}', ISTIO_MUTUAL, ISTIO_MUTUAL",
    "'    tls: {}', UNSET, DISABLE",
    "'    tls: {mode: istio_mutual}', UNSET, DISABLE",
    "'    tls: {mode: [a]}', UNSET, DISABLE",
  })
  void decodesEveryDestinationRuleTlsMode(String tls, TlsMode mode, TlsMode effective) {
    DestinationRule d = Decode.one(dr(tls), DestinationRule.class);
    var t = d.trafficPolicy().orElseThrow().tls().orElseThrow();
    assertThat(t.mode().value()).isEqualTo(mode);
    assertThat(t.effectiveMode()).isEqualTo(effective);
  }

  @Test
  void destinationRuleWithoutTlsHasNoTlsBlock() {
    DestinationRule d = Decode.one(dr("    connectionPool: {tcp: {maxConnections: 1}}"), DestinationRule.class);
    var tp = d.trafficPolicy().orElseThrow();
    assertThat(tp.tls()).isEmpty();
    assertThat(tp.connectionPool()).isPresent();
    assertThat(tp.outlierDetection()).isEmpty();
    assertThat(d.hostName().value()).isEqualTo("httpbin.foo.svc.cluster.local");
    assertThat(d.host().span().startLine()).isEqualTo(7);
  }

  @Test
  void decodesDestinationRuleInDepth() {
    DestinationRule d =
        Decode.one(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: web, namespace: foo, creationTimestamp: "2020-01-01T00:00:00Z"}
            spec:
              host: web.foo.svc.cluster.local
              exportTo: [".", bar]
              workloadSelector:
                matchLabels: {app: sleep}
              trafficPolicy:
                tls: {mode: ISTIO_MUTUAL}
                loadBalancer: {simple: PASSTHROUGH}
                portLevelSettings:
                - port: {number: 9000}
                  tls:
                    mode: SIMPLE
                    credentialName: web-cert
                    caCertificates: /etc/ca.pem
                    sni: web.example.com
                - port: {number: 8000}
                  connectionPool: {http: {http1MaxPendingRequests: 1}}
              subsets:
              - name: v1
                labels: {version: v1}
              - name: v2
                labels: {version: v2}
                trafficPolicy:
                  portLevelSettings:
                  - port: {number: 8000}
                    outlierDetection: {consecutive5xxErrors: 1}
            """,
            DestinationRule.class);
    assertThat(d.exportToValues()).containsExactly(".", "bar");
    assertThat(d.workloadSelector().orElseThrow().labelValues()).containsEntry("app", "sleep");
    var tp = d.trafficPolicy().orElseThrow();
    assertThat(tp.loadBalancer().orElseThrow().simple().value())
        .isEqualTo(DestinationRule.LoadBalancerSimple.PASSTHROUGH);
    var p9000 = tp.portLevel(9000).orElseThrow();
    assertThat(p9000.tls().orElseThrow().mode().value()).isEqualTo(TlsMode.SIMPLE);
    assertThat(p9000.tls().orElseThrow().credentialName().map(Located::value)).contains("web-cert");
    assertThat(p9000.tls().orElseThrow().caCertificates().orElseThrow().span().startLine()).isEqualTo(17);
    assertThat(p9000.port().number().orElseThrow().span().startLine()).isEqualTo(13);
    assertThat(tp.portLevel(8000).orElseThrow().tls()).isEmpty();
    assertThat(tp.portLevel(1234)).isEmpty();
    assertThat(d.subsets()).extracting(s -> s.name().value()).containsExactly("v1", "v2");
    assertThat(d.subset("v2").orElseThrow().trafficPolicy().orElseThrow().portLevel(8000).orElseThrow().outlierDetection())
        .isPresent();
    assertThat(d.metadata().creationTimestamp()).contains("2020-01-01T00:00:00Z");
  }

  @ParameterizedTest(name = "mtls {0} -> {1}")
  @CsvSource({
    "'mtls: {mode: STRICT}', STRICT",
    "'mtls: {mode: PERMISSIVE}', PERMISSIVE",
    "'mtls: {mode: DISABLE}', DISABLE",
    "'mtls: {mode: UNSET}', UNSET",
    "'mtls: {}', UNSET",
    "'mtls: {mode: strict}', UNSET",
    "'mtls: STRICT', UNSET",
    "'{}', UNSET",
  })
  void decodesEveryPeerAuthenticationMode(String spec, MtlsMode expected) {
    PeerAuthentication pa =
        Decode.one(
            """
            apiVersion: security.istio.io/v1beta1
            kind: PeerAuthentication
            metadata: {name: default, namespace: foo}
            spec:
              %s
            """
                .formatted(spec),
            PeerAuthentication.class);
    assertThat(pa.mode()).isEqualTo(expected);
    assertThat(pa.isSelectorLess()).isTrue();
  }

  @Test
  void decodesPortLevelMtlsKeyedByWorkloadPort() {
    PeerAuthentication pa =
        Decode.one(
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: httpbin, namespace: foo}
            spec:
              selector:
                matchLabels: {app: httpbin}
              mtls: {mode: STRICT}
              portLevelMtls:
                8080: {mode: DISABLE}
                "9090": {mode: PERMISSIVE}
                http: {mode: DISABLE}
                9443: {}
            """,
            PeerAuthentication.class);
    assertThat(pa.isSelectorLess()).isFalse();
    assertThat(pa.portLevelMtls()).extracting(p -> p.port().value()).containsExactly(8080, 9090, 9443);
    assertThat(pa.portLevel(8080).orElseThrow().mode().value()).isEqualTo(MtlsMode.DISABLE);
    assertThat(pa.portLevel(8080).orElseThrow().port().span().startLine()).isEqualTo(9);
    assertThat(pa.portLevel(9443).orElseThrow().mode().value()).isEqualTo(MtlsMode.UNSET);
  }

  private static LegacyAuthenticationPolicy legacy(String peers) {
    MeshPolicy mp =
        Decode.one(
            """
            apiVersion: authentication.istio.io/v1alpha1
            kind: MeshPolicy
            metadata:
              name: default
              namespace: ignored
            spec:
            %s
            """
                .formatted(peers),
            MeshPolicy.class);
    assertThat(mp.namespace()).isEmpty();
    return mp.spec();
  }

  @Test
  void legacyEmptyMtlsMeansStrict() {
    var m = legacy("  peers:\n  - mtls: {}").peerMtls().orElseThrow();
    assertThat(m.mode().value()).isEqualTo(LegacyMtlsMode.UNSET);
    assertThat(m.effectiveMode()).isEqualTo(LegacyMtlsMode.STRICT);
    assertThat(m.written()).isTrue();
  }

  @Test
  void legacyNullMtlsMeansStrict() {
    var m = legacy("  peers:\n  - mtls:").peerMtls().orElseThrow();
    assertThat(m.written()).isFalse();
    assertThat(m.effectiveMode()).isEqualTo(LegacyMtlsMode.STRICT);
    assertThat(m.span().startLine()).isEqualTo(8);
  }

  @Test
  void legacyPermissiveAndAllowTlsAreKept() {
    var m = legacy("  peers:\n  - mtls: {mode: PERMISSIVE}").peerMtls().orElseThrow();
    assertThat(m.effectiveMode()).isEqualTo(LegacyMtlsMode.PERMISSIVE);
    var a = legacy("  peers:\n  - mtls: {allowTls: true}").peerMtls().orElseThrow();
    assertThat(a.isAllowTls()).isTrue();
    assertThat(a.effectiveMode()).isEqualTo(LegacyMtlsMode.STRICT);
  }

  @Test
  void legacyWithoutMtlsPeerHasNoPeerMtls() {
    assertThat(legacy("  origins:\n  - jwt: {issuer: x}").peerMtls()).isEmpty();
    assertThat(legacy("  peers:\n  - jwt: {issuer: x}").peerMtls()).isEmpty();
    assertThat(legacy("  peers:\n  - jwt: {issuer: x}\n  - mtls: {}").peerMtls()).isPresent();
  }

  @Test
  void decodesTargetedLegacyPolicy() {
    Policy p =
        Decode.one(
            """
            apiVersion: authentication.istio.io/v1alpha1
            kind: Policy
            metadata: {name: web, namespace: foo}
            spec:
              targets:
              - name: web
                ports:
                - number: 9000
                - name: http
              peers:
              - mtls: {mode: STRICT}
              origins:
              - jwt: {issuer: me}
              principalBinding: USE_ORIGIN
            """,
            Policy.class);
    assertThat(p.isNamespaceWide()).isFalse();
    var t = p.spec().targets().get(0);
    assertThat(t.name().value()).isEqualTo("web");
    assertThat(t.ports()).hasSize(2);
    assertThat(t.ports().get(1).selects(1234, java.util.Optional.of("http"))).isTrue();
    assertThat(p.spec().origins().get(0).jwt().orElseThrow().jwksUri()).isEmpty();
  }

  @ParameterizedTest(name = "location {0}, resolution {1}")
  @CsvSource({
    "MESH_EXTERNAL, DNS, MESH_EXTERNAL, DNS, true",
    "MESH_INTERNAL, STATIC, MESH_INTERNAL, STATIC, false",
    "'', NONE, UNSET, NONE, true",
    "bogus, DNS_ROUND_ROBIN, UNSET, DNS_ROUND_ROBIN, true",
    "MESH_INTERNAL, '', MESH_INTERNAL, UNSET, false",
  })
  void decodesServiceEntryEnums(
      String location, String resolution, ServiceEntry.Location loc, ServiceEntry.Resolution res, boolean external) {
    String yaml =
        """
        apiVersion: networking.istio.io/v1alpha3
        kind: ServiceEntry
        metadata: {name: ext, namespace: foo}
        spec:
          hosts: [www.example.com, "*.example.org"]
          ports:
          - {number: 80, name: http, protocol: HTTP}
        """
            + (location.isEmpty() ? "" : "  location: " + location + "\n")
            + (resolution.isEmpty() ? "" : "  resolution: " + resolution + "\n");
    ServiceEntry se = Decode.one(yaml, ServiceEntry.class);
    assertThat(se.location().value()).isEqualTo(loc);
    assertThat(se.resolution().value()).isEqualTo(res);
    assertThat(se.isMeshExternal()).isEqualTo(external);
    assertThat(se.port(80).orElseThrow().protocol().orElseThrow().value()).isEqualTo("HTTP");
    assertThat(se.hostNames()).extracting(h -> h.value()).containsExactly("www.example.com", "*.example.org");
  }

  @Test
  void decodesServiceEntryEndpointsAndSelector() {
    ServiceEntry se =
        Decode.one(
            """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: vm, namespace: foo}
            spec:
              hosts: [vm.foo.svc.cluster.local]
              location: MESH_INTERNAL
              endpoints:
              - address: 10.0.0.1
                ports: {http: 8080}
                labels: {app: vm}
              workloadSelector:
                labels: {app: vm}
              exportTo: ["."]
            """,
            ServiceEntry.class);
    assertThat(se.endpoints().get(0).ports().get("http").value()).isEqualTo(8080);
    assertThat(se.endpoints().get(0).labelValues()).containsEntry("app", "vm");
    assertThat(se.workloadSelector().orElseThrow().labelValues()).containsEntry("app", "vm");
    assertThat(se.exportTo()).extracting(Located::value).containsExactly(".");
  }

  @Test
  void decodesVirtualServiceRoutes() {
    VirtualService vs =
        Decode.one(
            """
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata: {name: httpbin, namespace: foo}
            spec:
              hosts: [httpbin]
              gateways: [mesh, istio-system/gw]
              exportTo: ["*"]
              http:
              - name: split
                match:
                - uri: {prefix: /v2}
                  port: 8000
                  sourceLabels: {app: sleep}
                route:
                - destination: {host: httpbin, subset: v1, port: {number: 8000}}
                  weight: 90
                - destination: {host: httpbin.foo.svc.cluster.local, subset: v2}
                  weight: 10
                mirror: {host: shadow}
              tcp:
              - route:
                - destination: {host: db, port: {number: 5432}}
              tls:
              - match:
                - sniHosts: [a.example.com]
                route:
                - destination: {host: a.example.com}
            """,
            VirtualService.class);
    assertThat(vs.appliesToMesh()).isTrue();
    var http = vs.http().get(0);
    assertThat(http.kind()).isEqualTo(VirtualService.RouteKind.HTTP);
    assertThat(http.match().get(0).uri().orElseThrow().type()).isEqualTo("prefix");
    assertThat(http.match().get(0).port().orElseThrow().value()).isEqualTo(8000);
    assertThat(http.route()).hasSize(2);
    var d0 = http.route().get(0);
    assertThat(d0.destination().subset().orElseThrow().value()).isEqualTo("v1");
    assertThat(d0.destination().port().orElseThrow().value()).isEqualTo(8000);
    assertThat(d0.weight().orElseThrow().value()).isEqualTo(90);
    assertThat(d0.destination().host().span().startLine()).isEqualTo(15);
    assertThat(vs.tcp().get(0).route().get(0).destination().host().value()).isEqualTo("db");
    assertThat(vs.tls().get(0).match().get(0).sniHosts()).hasSize(1);
    assertThat(vs.allDestinations()).hasSize(5);
  }

  @ParameterizedTest(name = "server tls {0} -> {1}")
  @CsvSource({
    "PASSTHROUGH, PASSTHROUGH",
    "SIMPLE, SIMPLE",
    "MUTUAL, MUTUAL",
    "AUTO_PASSTHROUGH, AUTO_PASSTHROUGH",
    "ISTIO_MUTUAL, ISTIO_MUTUAL",
    "OPTIONAL_MUTUAL, OPTIONAL_MUTUAL",
    "nope, UNSET",
  })
  void decodesGatewayServers(String mode, ServerTlsMode expected) {
    Gateway g =
        Decode.one(
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: istio-system}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 443, name: https, protocol: HTTPS}
                hosts: ["foo/*.example.com"]
                tls: {mode: %s, credentialName: cert}
            """
                .formatted(mode),
            Gateway.class);
    assertThat(g.selectorValues()).containsEntry("istio", "ingressgateway");
    var s = g.servers().get(0);
    assertThat(s.port().orElseThrow().numberOrZero()).isEqualTo(443);
    assertThat(s.tls().orElseThrow().mode().value()).isEqualTo(expected);
    assertThat(s.tls().orElseThrow().credentialName().orElseThrow().value()).isEqualTo("cert");
    assertThat(s.hosts()).extracting(Located::value).containsExactly("foo/*.example.com");
  }

  @Test
  void decodesServicePortsAndTargetPorts() {
    Service s =
        Decode.one(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: httpbin}
            spec:
              type: NodePort
              clusterIP: None
              selector: {app: httpbin}
              ports:
              - {name: http, port: 8000, targetPort: 8080, appProtocol: http}
              - {name: grpc, port: 9000, targetPort: grpc-port, protocol: TCP}
              - {port: 7000}
              - {name: broken}
            """,
            Service.class);
    assertThat(s.namespace()).isEqualTo("default");
    assertThat(s.type().value()).isEqualTo(Service.Type.NODE_PORT);
    assertThat(s.isHeadless()).isTrue();
    assertThat(s.hostName().value()).isEqualTo("httpbin.default.svc.cluster.local");
    assertThat(s.ports()).hasSize(3);
    assertThat(s.port(8000).orElseThrow().effectiveTargetPort()).isEqualTo(IntOrString.of(8080));
    assertThat(s.port(9000).orElseThrow().effectiveTargetPort()).isEqualTo(IntOrString.of("grpc-port"));
    assertThat(s.port(7000).orElseThrow().effectiveTargetPort()).isEqualTo(IntOrString.of(7000));
    assertThat(s.port(8000).orElseThrow().appProtocol().orElseThrow().value()).isEqualTo("http");
    assertThat(s.selectorValues()).containsEntry("app", "httpbin");
  }

  @ParameterizedTest
  @CsvSource({"ClusterIP, CLUSTER_IP", "LoadBalancer, LOAD_BALANCER", "ExternalName, EXTERNAL_NAME", "clusterip, UNSET"})
  void decodesServiceTypes(String text, Service.Type expected) {
    Service s =
        Decode.one(
            "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: " + text + ", externalName: x.com}\n",
            Service.class);
    assertThat(s.type().value()).isEqualTo(expected);
    assertThat(s.externalName().orElseThrow().value()).isEqualTo("x.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"apps/v1 Deployment", "apps/v1 StatefulSet", "apps/v1 DaemonSet", "apps/v1 ReplicaSet",
      "extensions/v1beta1 Deployment", "apps/v1beta2 Deployment", "batch/v1 Job"})
  void decodesPodTemplatesOfEveryController(String apiAndKind) {
    String[] ak = apiAndKind.split(" ");
    var r =
        Decode.one(
            """
            apiVersion: %s
            kind: %s
            metadata: {name: httpbin, namespace: foo}
            spec:
              selector: {matchLabels: {app: httpbin}}
              template:
                metadata:
                  labels: {app: httpbin, version: v1}
                  annotations: {sidecar.istio.io/inject: "false"}
                spec:
                  serviceAccountName: httpbin
                  containers:
                  - name: httpbin
                    image: kennethreitz/httpbin
                    ports:
                    - {containerPort: 8080, name: http}
                  initContainers:
                  - name: init
            """
                .formatted(ak[0], ak[1]),
            dev.istiolint.core.model.PodTemplateOwner.class);
    assertThat(r.getClass().getSimpleName()).isEqualTo(ak[1]);
    var t = r.template();
    assertThat(t.labelValues()).containsEntry("version", "v1");
    assertThat(t.annotationValues()).containsEntry("sidecar.istio.io/inject", "false");
    assertThat(t.serviceAccountName().orElseThrow().value()).isEqualTo("httpbin");
    assertThat(t.containers().get(0).ports().get(0).containerPort().value()).isEqualTo(8080);
    assertThat(t.initContainers()).hasSize(1);
  }

  @Test
  void decodesCronJobTemplateAndPod() {
    CronJob c =
        Decode.one(
            """
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata: {name: c}
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: c}}
                    spec: {containers: [{name: c, image: busybox}]}
            """,
            CronJob.class);
    assertThat(c.template().labelValues()).containsEntry("app", "c");
    Pod p =
        Decode.one(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, labels: {app: p}}
            spec: {hostNetwork: true, containers: [{name: istio-proxy, image: docker.io/istio/proxyv2}]}
            """,
            Pod.class);
    assertThat(p.template().labelValues()).containsEntry("app", "p");
    assertThat(p.template().hostNetwork().orElseThrow().value()).isTrue();
    assertThat(p.template().container("istio-proxy")).isPresent();
  }

  @Test
  void recognisesAllWorkloadKindsAndKeepsUnknownOnesGeneric() {
    Decode d =
        Decode.of(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: a}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: b}
            ---
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: c}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: d}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: e}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: f}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: g, namespace: x}
            ---
            apiVersion: foo.example.com/v1
            kind: DestinationRule
            metadata: {name: h}
            """);
    assertThat(d.problems).isEmpty();
    assertThat(d.resources.get(0)).isInstanceOf(StatefulSet.class);
    assertThat(d.resources.get(1)).isInstanceOf(DaemonSet.class);
    assertThat(d.resources.get(2)).isInstanceOf(ReplicaSet.class);
    assertThat(d.resources.get(3)).isInstanceOf(Job.class);
    assertThat(d.resources.get(4)).isInstanceOf(Deployment.class);
    assertThat(d.resources.get(5)).isInstanceOf(GenericResource.class);
    assertThat(d.resources.get(5).namespace()).isEqualTo("default");
    assertThat(d.resources.get(6)).isInstanceOf(GenericResource.class);
    assertThat(d.resources.get(6).namespace()).isEmpty();
    assertThat(d.resources.get(7)).isInstanceOf(GenericResource.class);
  }

  @Test
  void namespaceIsClusterScopedAndKeepsLabels() {
    Namespace n =
        Decode.one(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n  labels:\n    istio-injection: enabled\n",
            Namespace.class);
    assertThat(n.namespace()).isEmpty();
    assertThat(n.injectionLabel().orElseThrow().value()).isEqualTo("enabled");
    assertThat(n.injectionLabel().orElseThrow().span().startLine()).isEqualTo(6);
    assertThat(n.revisionLabel()).isEmpty();
  }

  @Test
  void secretKeepsKeyNamesButNeverValues() {
    Secret s =
        Decode.one(
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: cert, namespace: istio-system}
            type: kubernetes.io/tls
            data:
              tls.crt: c2VjcmV0
              tls.key: c2VjcmV0
            stringData:
              ca.crt: supersecret
            """,
            Secret.class);
    assertThat(s.type().orElseThrow().value()).isEqualTo("kubernetes.io/tls");
    assertThat(s.keys()).extracting(Located::value).containsExactly("tls.crt", "tls.key", "ca.crt");
    assertThat(s.hasKey("ca.crt")).isTrue();
    assertThat(s.toString()).doesNotContain("c2VjcmV0").doesNotContain("supersecret");
  }

  @Test
  void meshConfigInsideTheIstioConfigMapIsParsedWithConfigMapLines() {
    Decode d =
        Decode.of(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio
              namespace: istio-system
            data:
              mesh: |-
                rootNamespace: istio-config
                enableAutoMtls: false
                defaultDestinationRuleExportTo: ["."]
                trustDomain: example.org
              meshNetworks: "networks: {}"
            """);
    assertThat(d.problems).isEmpty();
    ConfigMap cm = (ConfigMap) d.resources.get(0);
    var mc = cm.meshConfig().orElseThrow();
    assertThat(mc.rootNamespace().orElseThrow().value()).isEqualTo("istio-config");
    assertThat(mc.enableAutoMtls().orElseThrow().value()).isFalse();
    assertThat(mc.enableAutoMtls().orElseThrow().span().startLine()).isEqualTo(9);
    assertThat(mc.enableAutoMtls().orElseThrow().span().startColumn()).isEqualTo(21);
    assertThat(mc.defaultDestinationRuleExportTo()).extracting(Located::value).containsExactly(".");
    assertThat(mc.trustDomain().orElseThrow().value()).isEqualTo("example.org");
    assertThat(cm.data()).containsKeys("mesh", "meshNetworks");
  }

  @Test
  void invalidMeshConfigInConfigMapIsAFindingNotAnException() {
    Decode d =
        Decode.of(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: istio, namespace: istio-system}
            data:
              mesh: |
                enableAutoMtls: maybe
                rootNamespace: [a]
            """);
    assertThat(d.resources).hasSize(1);
    assertThat(d.problems).extracting(p -> p.rule()).containsOnly(CoreRules.INVALID_MESH_CONFIG);
    assertThat(d.problems).hasSize(2);
    assertThat(d.problems).extracting(p -> p.span().startLine()).containsExactlyInAnyOrder(6, 7);
    assertThat(d.problems).anyMatch(p -> p.message().contains("enableAutoMtls must be true or false"));
    Decode bad =
        Decode.of(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: istio, namespace: istio-system}
            data:
              mesh: |
                a: [unclosed
            """);
    assertThat(bad.problems).extracting(p -> p.rule()).containsExactly(CoreRules.INVALID_MESH_CONFIG);
    assertThat(bad.problems.get(0).message()).contains("not valid YAML");
    assertThat(((ConfigMap) bad.resources.get(0)).meshConfig()).isEmpty();
  }

  @Test
  void otherConfigMapsAreNotParsedAsMeshConfig() {
    ConfigMap cm =
        Decode.one(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {mesh: 'not: [yaml'}\n", ConfigMap.class);
    assertThat(cm.meshConfig()).isEmpty();
  }

  @Test
  void decodesIstioOperatorMeshConfig() {
    Decode d =
        Decode.of(
            """
            apiVersion: install.istio.io/v1alpha1
            kind: IstioOperator
            metadata: {name: installed-state, namespace: istio-system}
            spec:
              profile: default
              meshConfig:
                enableAutoMtls: true
                rootNamespace: istio-system
              values:
                global:
                  mtls: {auto: false, enabled: true}
            """);
    assertThat(d.problems).isEmpty();
    IstioOperator iop = (IstioOperator) d.resources.get(0);
    assertThat(iop.profile().orElseThrow().value()).isEqualTo("default");
    assertThat(iop.meshConfig().orElseThrow().enableAutoMtls().orElseThrow().value()).isTrue();
    assertThat(iop.valuesGlobalMtlsAuto().orElseThrow().value()).isFalse();
    assertThat(iop.valuesGlobalMtlsEnabled().orElseThrow().value()).isTrue();
  }

  @Test
  void decodesWorkloadEntryAndGroup() {
    Decode d =
        Decode.of(
            """
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: vm1, namespace: foo}
            spec: {address: 10.0.0.2, labels: {app: vm}, serviceAccount: vm, ports: {http: 8080}}
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadGroup
            metadata: {name: vms, namespace: foo}
            spec:
              metadata: {labels: {app: vm}}
              template: {serviceAccount: vm}
              probe: {httpGet: {port: 8080}}
            """);
    WorkloadEntry we = (WorkloadEntry) d.resources.get(0);
    assertThat(we.spec().address().orElseThrow().value()).isEqualTo("10.0.0.2");
    assertThat(we.spec().serviceAccount().orElseThrow().value()).isEqualTo("vm");
    WorkloadGroup wg = (WorkloadGroup) d.resources.get(1);
    assertThat(wg.templateLabels()).containsKey("app");
    assertThat(wg.probe()).isPresent();
  }

  @Test
  void fieldsOfTheWrongShapeAreSkippedWithoutThrowing() {
    Decode d =
        Decode.of(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: a, namespace: foo, labels: [x]}
            spec:
              host: [not, a, string]
              trafficPolicy: "no"
              subsets: {a: b}
              exportTo: "*"
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec:
              ports: [1, {port: "eighty"}, {port: 80, targetPort: {a: b}}]
              selector: [a]
            ---
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: p}
            spec: [1, 2]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec: {template: {spec: {containers: {a: b}}}}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: v}
            spec: {http: [{route: [{destination: 3}]}], hosts: [[a]]}
            """);
    assertThat(d.problems).isEmpty();
    assertThat(d.resources).hasSize(5);
    DestinationRule dr = (DestinationRule) d.resources.get(0);
    assertThat(dr.host().value()).isEmpty();
    assertThat(dr.trafficPolicy()).isEmpty();
    assertThat(dr.subsets()).isEmpty();
    Service s = (Service) d.resources.get(1);
    assertThat(s.ports()).hasSize(1);
    assertThat(s.ports().get(0).targetPort()).isEmpty();
    assertThat(((PeerAuthentication) d.resources.get(2)).mode()).isEqualTo(MtlsMode.UNSET);
    assertThat(((Deployment) d.resources.get(3)).template().containers()).isEmpty();
    // a route entry without a usable destination is kept with an empty host, so rules can report it
    assertThat(((VirtualService) d.resources.get(4)).http().get(0).route())
        .singleElement()
        .satisfies(rd -> assertThat(rd.destination().host().value()).isEmpty());
  }

  @Test
  void missingNameIsStillAProblem() {
    Decode d = Decode.of("apiVersion: v1\nkind: Service\nmetadata: {namespace: a}\n");
    assertThat(d.resources).isEmpty();
    assertThat(d.problems).extracting(p -> p.rule()).containsExactly(CoreRules.NOT_A_RESOURCE);
  }
}
