package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.testing.CpuCost;
import dev.istiolint.core.testing.SyntheticFiles;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No built-in rule compares all pairs: one namespace holding four times the services, workloads, policies, Sidecars
 * and Gateways must cost all the rules together (with the TLS matrix) about four times as much.
 *
 * <p>As core's {@code LinearityTest} times its analyses: both sizes in one JVM after a warm-up, the best of several
 * runs in the test thread's CPU time (the rules run on it), and only the ratio checked, against 11: linear work
 * measures 4 and some more as its data outgrows the processor's caches, quadratic work 16 or more.
 */
class RulesLinearityTest {

  private static final int N = 500;
  private static final double BOUND = 11.0;
  private static final int FILES = 10;

  @Test
  void allRulesOnOneNamespaceWithFourTimesTheResourcesCostFourTimes() {
    List<Resource> small = load(mesh(N));
    List<Resource> large = load(mesh(4 * N));

    double ratio = CpuCost.bestRatioOnThisThread(() -> analyse(small), () -> analyse(large), BOUND);

    assertThat(ratio).as("time(%d services) / time(%d)", 4 * N, N).isLessThan(BOUND);
  }

  /** A fresh snapshot, its TLS matrix and every built-in rule; the number of findings. */
  private static Object analyse(List<Resource> resources) {
    MeshSnapshot mesh = MeshSnapshot.of(resources, IstioVersion.LATEST, Optional.empty());
    int[] findings = new int[1];
    RuleContext ctx =
        new RuleContext() {
          @Override
          public MeshSnapshot mesh() {
            return mesh;
          }

          @Override
          public IstioVersion istioVersion() {
            return IstioVersion.LATEST;
          }

          @Override
          public void report(Resource resource, SourceSpan span, String message, List<RelatedLocation> related) {
            findings[0]++;
          }

          @Override
          public void notApplicable(String reason) {}
        };
    for (LintRule rule : BuiltInRules.all()) {
      rule.check(ctx);
    }
    return findings[0];
  }

  private static List<Resource> load(List<SourceInput> sources) {
    LintRequest.Builder request = LintRequest.builder();
    sources.forEach(request::source);
    return Linter.lint(request.build()).snapshot().all();
  }

  /**
   * One namespace with {@code count} services, each with its Deployment, DestinationRule, VirtualService, Sidecar
   * (selector and egress hosts), workload PeerAuthentication, AuthorizationPolicies (in the namespace and in the root
   * namespace, with principals), RequestAuthentication, Telemetry and Gateway (all on port 443, one host each), and
   * one ingress gateway Deployment.
   */
  private static List<SourceInput> mesh(int count) {
    List<SourceInput> files = new ArrayList<>();
    files.add(
        SourceInput.of(
            "mesh.yaml",
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: big
              labels:
                istio-injection: enabled
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ingressgateway
              namespace: istio-system
            spec:
              selector:
                matchLabels:
                  istio: ingressgateway
              template:
                metadata:
                  labels:
                    istio: ingressgateway
                spec:
                  containers:
                  - name: istio-proxy
                    image: auto
            """));
    files.addAll(SyntheticFiles.spread("big", count, FILES, i -> String.format(Locale.ROOT, RESOURCES, i)));
    return files;
  }

  private static final String RESOURCES =
      """
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        selector:
          app: svc-%1$d
        ports:
        - name: http
          port: 8080
          targetPort: 9080
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        selector:
          matchLabels:
            app: svc-%1$d
        template:
          metadata:
            labels:
              app: svc-%1$d
              version: v1
          spec:
            containers:
            - name: app
              image: app:1
              ports:
              - containerPort: 9080
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        host: svc-%1$d
        trafficPolicy:
          tls:
            mode: ISTIO_MUTUAL
        subsets:
        - name: v1
          labels:
            version: v1
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        hosts:
        - svc-%1$d
        - svc-%1$d.example.com
        gateways:
        - mesh
        - istio-system/gw-%1$d
        http:
        - match:
          - headers:
              end-user:
                exact: jason
          route:
          - destination:
              host: svc-%1$d
              subset: v1
              port:
                number: 8080
        - route:
          - destination:
              host: svc-%1$d
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        workloadSelector:
          labels:
            app: svc-%1$d
        egress:
        - hosts:
          - ./svc-%1$d.big.svc.cluster.local
          - istio-system/*
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        selector:
          matchLabels:
            app: svc-%1$d
        mtls:
          mode: DISABLE
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        selector:
          matchLabels:
            app: svc-%1$d
        rules:
        - from:
          - source:
              principals:
              - cluster.local/ns/big/sa/svc-%1$d
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: root-svc-%1$d
        namespace: istio-system
      spec:
        selector:
          matchLabels:
            app: svc-%1$d
        rules:
        - from:
          - source:
              namespaces:
              - big
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        selector:
          matchLabels:
            app: svc-%1$d
        jwtRules:
        - issuer: https://issuer.example.com
          jwksUri: https://issuer.example.com/jwks
      ---
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata:
        name: svc-%1$d
        namespace: big
      spec:
        selector:
          matchLabels:
            app: svc-%1$d
        tracing:
        - randomSamplingPercentage: 10
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: gw-%1$d
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
          - svc-%1$d.example.com
          tls:
            mode: SIMPLE
            credentialName: cert-%1$d
      """;
}
