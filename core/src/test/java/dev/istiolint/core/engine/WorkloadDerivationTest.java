package dev.istiolint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadDerivationTest {

  private static String scenario(String nsLabels, String podLabels, String podAnnotations, String extra) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: foo
          labels: {%s}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: httpbin, namespace: foo}
        spec:
          template:
            metadata:
              labels: {app: httpbin%s}
              annotations: {%s}
            spec:
              %s
              containers:
              - name: httpbin
                image: kennethreitz/httpbin
        """
        .formatted(nsLabels, podLabels.isEmpty() ? "" : ", " + podLabels, podAnnotations, extra);
  }

  @ParameterizedTest(name = "ns [{0}] pod labels [{1}] annotations [{2}] -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "istio-injection: enabled | | | INJECTED",
        "istio.io/rev: canary | | | INJECTED",
        " | | | NOT_INJECTED",
        "istio-injection: disabled | | | NOT_INJECTED",
        "istio-injection: enabled | sidecar.istio.io/inject: 'false' | | NOT_INJECTED",
        "istio-injection: enabled | | sidecar.istio.io/inject: 'false' | NOT_INJECTED",
        " | sidecar.istio.io/inject: 'true' | | INJECTED",
        " | | sidecar.istio.io/inject: 'true' | NOT_INJECTED",
        "istio-injection: disabled | sidecar.istio.io/inject: 'true' | | NOT_INJECTED",
        "istio-injection: disabled, istio.io/rev: canary | | | NOT_INJECTED",
        " | istio.io/rev: canary | | INJECTED",
        "istio-injection: enabled | | sidecar.istio.io/inject: 'true' | INJECTED",
      })
  void decidesSidecarInjection(String ns, String podLabels, String podAnnotations, Workload.SidecarState expected) {
    MeshSnapshot s =
        Manifests.snapshot(
            scenario(ns == null ? "" : ns, podLabels == null ? "" : podLabels, podAnnotations == null ? "" : podAnnotations, ""));
    Workload w = s.workloadsIn("foo").get(0);
    assertThat(w.sidecar().state()).as(w.sidecar().reason()).isEqualTo(expected);
    assertThat(w.gateway()).isFalse();
  }

  @Test
  void decisionPointsAtTheFieldThatDecided() {
    MeshSnapshot s = Manifests.snapshot(scenario("istio-injection: enabled", "", "", ""));
    Workload w = s.workloadsIn("foo").get(0);
    assertThat(w.sidecar().decidedBy().orElseThrow().span().startLine()).isEqualTo(5);
    assertThat(w.sidecar().reason()).contains("istio-injection=enabled");
    MeshSnapshot o = Manifests.snapshot(scenario("istio-injection: enabled", "sidecar.istio.io/inject: 'false'", "", ""));
    Workload x = o.workloadsIn("foo").get(0);
    assertThat(x.sidecar().decidedBy().orElseThrow().span().startLine()).isEqualTo(13);
    assertThat(x.sidecar().reason()).contains("opts out");
  }

  @Test
  void hostNetworkPodsAreNeverInjected() {
    MeshSnapshot s = Manifests.snapshot(scenario("istio-injection: enabled", "", "", "hostNetwork: true"));
    assertThat(s.workloadsIn("foo").get(0).hasSidecar()).isFalse();
  }

  @Test
  void undeclaredNamespaceMeansNoInjectionWithAReason() {
    MeshSnapshot s =
        Manifests.snapshot(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a, namespace: bar}
            spec: {template: {metadata: {labels: {app: a}}, spec: {containers: [{name: a}]}}}
            """);
    Workload w = s.workloadsIn("bar").get(0);
    assertThat(w.hasSidecar()).isFalse();
    assertThat(w.sidecar().reason()).contains("not in the input");
  }

  @Test
  void manuallyInjectedProxyIsASidecar() {
    MeshSnapshot s =
        Manifests.snapshot(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: bar, labels: {app: p}}
            spec:
              containers:
              - {name: app, image: app}
              - {name: istio-proxy, image: docker.io/istio/proxyv2:1.0.0, args: [proxy, sidecar]}
            """);
    Workload w = s.workloadsIn("bar").get(0);
    assertThat(w.hasSidecar()).isTrue();
    assertThat(w.gateway()).isFalse();
    assertThat(w.sidecar().reason()).contains("manual injection");
  }

  @Test
  void ingressGatewayIsAProxyButNotASidecar() {
    MeshSnapshot s =
        Manifests.snapshot(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: istio-ingressgateway, namespace: istio-system}
            spec:
              template:
                metadata: {labels: {istio: ingressgateway}}
                spec:
                  containers:
                  - name: istio-proxy
                    image: docker.io/istio/proxyv2:1.0.0
                    args: [proxy, router, -v, "2"]
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: gw, labels: {istio-injection: enabled}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gw, namespace: gw}
            spec:
              template:
                metadata:
                  labels: {istio: gw, sidecar.istio.io/inject: "true"}
                  annotations: {inject.istio.io/templates: gateway}
                spec: {containers: [{name: istio-proxy, image: auto}]}
            """);
    Workload ingress = s.workloadsIn("istio-system").get(0);
    assertThat(ingress.gateway()).isTrue();
    assertThat(ingress.hasSidecar()).isFalse();
    assertThat(ingress.hasProxy()).isTrue();
    Workload gw = s.workloadsIn("gw").get(0);
    assertThat(gw.gateway()).isTrue();
    assertThat(gw.hasProxy()).isTrue();
    assertThat(gw.hasSidecar()).isFalse();
  }

  @Test
  void gatewayTemplateWithoutProxyContainerIsAGatewayWhenInjected() {
    MeshSnapshot s =
        Manifests.snapshot(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gw, namespace: gw}
            spec:
              template:
                metadata:
                  labels: {sidecar.istio.io/inject: "true"}
                  annotations: {inject.istio.io/templates: gateway}
                spec: {containers: [{name: other, image: auto}]}
            """);
    Workload gw = s.workloadsIn("gw").get(0);
    assertThat(gw.gateway()).isTrue();
    assertThat(gw.hasSidecar()).isFalse();
  }

  @Test
  void resolvesNamedTargetPortsThroughContainerPorts() {
    MeshSnapshot s =
        Manifests.snapshot(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a, namespace: foo}
            spec:
              template:
                metadata: {labels: {app: a}}
                spec:
                  serviceAccountName: sa-a
                  containers: [{name: a, ports: [{name: http, containerPort: 8080}]}]
            """);
    Workload w = s.workloadsIn("foo").get(0);
    assertThat(w.resolvePort(dev.istiolint.core.model.IntOrString.of("http"))).contains(8080);
    assertThat(w.resolvePort(dev.istiolint.core.model.IntOrString.of("grpc"))).isEmpty();
    assertThat(w.resolvePort(dev.istiolint.core.model.IntOrString.of(9000))).contains(9000);
    assertThat(w.serviceAccountName()).isEqualTo("sa-a");
    assertThat(w.ports()).hasSize(1);
  }
}
