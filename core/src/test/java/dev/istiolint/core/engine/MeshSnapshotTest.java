package dev.istiolint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.PodTemplateOwner;
import dev.istiolint.core.model.Service;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeshSnapshotTest {

  private static final String MESH =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: foo, labels: {istio-injection: enabled}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: httpbin, namespace: foo}
      spec:
        selector: {app: httpbin}
        ports: [{name: http, port: 8000, targetPort: 80}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: httpbin-v1, namespace: foo}
      spec:
        template:
          metadata: {labels: {app: httpbin, version: v1}}
          spec: {containers: [{name: httpbin}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: httpbin-v2, namespace: foo}
      spec:
        template:
          metadata: {labels: {app: httpbin, version: v2}}
          spec: {containers: [{name: httpbin}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: sleep, namespace: foo}
      spec:
        template:
          metadata: {labels: {app: sleep}}
          spec: {containers: [{name: sleep}]}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: DestinationRule
      metadata: {name: httpbin, namespace: foo}
      spec: {host: httpbin}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: DestinationRule
      metadata: {name: default, namespace: istio-system}
      spec: {host: "*.local", trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: ServiceEntry
      metadata: {name: ext, namespace: bar}
      spec: {hosts: [www.example.com], ports: [{number: 443, name: https, protocol: TLS}]}
      """;

  @Test
  void indexesByKindAndNamespace() {
    MeshSnapshot s = Manifests.snapshot(MESH);
    assertThat(s.destinationRules()).hasSize(2);
    assertThat(s.destinationRulesIn("foo")).extracting(DestinationRule::name).containsExactly("httpbin");
    assertThat(s.destinationRulesIn("nope")).isEmpty();
    assertThat(s.services()).hasSize(1);
    assertThat(s.serviceEntriesIn("bar")).hasSize(1);
    assertThat(s.ofType(PodTemplateOwner.class)).hasSize(3);
    assertThat(s.get(Service.class, "foo", "httpbin")).isPresent();
    assertThat(s.inNamespace("foo")).hasSize(5);
    assertThat(s.namespaces()).containsExactly("bar", "foo", "istio-system");
    assertThat(s.namespace("foo")).isPresent();
    assertThat(s.namespace("bar")).isEmpty();
    assertThat(s.countsByKind()).containsEntry("Deployment", 3);
  }

  @Test
  void indexesHosts() {
    MeshSnapshot s = Manifests.snapshot(MESH);
    assertThat(s.serviceByHost("httpbin.foo.svc.cluster.local")).isPresent();
    assertThat(s.serviceByHost(HostName.of("httpbin.foo"))).isEmpty();
    assertThat(s.serviceEntriesByHost(HostName.of("www.example.com"))).hasSize(1);
    assertThat(s.destinationRulesForExactHost(HostName.of("httpbin.foo.svc.cluster.local"))).hasSize(1);
    assertThat(s.destinationRulesForExactHost(HostName.of("*.local"))).hasSize(1);
    assertThat(s.hosts()).extracting(HostName::value)
        .containsExactly("httpbin.foo.svc.cluster.local", "www.example.com");
  }

  @Test
  void findsWorkloadsBySelectorAndLinksServices() {
    MeshSnapshot s = Manifests.snapshot(MESH);
    assertThat(s.workloadsIn("foo")).hasSize(3);
    assertThat(s.workloadsMatching("foo", Map.of("app", "httpbin"))).extracting(Workload::name)
        .containsExactly("httpbin-v1", "httpbin-v2");
    assertThat(s.workloadsMatching("foo", Map.of("app", "httpbin", "version", "v2"))).extracting(Workload::name)
        .containsExactly("httpbin-v2");
    assertThat(s.workloadsMatching("foo", Map.of("app", "nope"))).isEmpty();
    assertThat(s.workloadsMatching("bar", Map.of("app", "httpbin"))).isEmpty();
    assertThat(s.workloadsMatching("foo", Map.of())).hasSize(3);
    Service svc = s.services().get(0);
    assertThat(s.workloadsBehind(svc)).extracting(Workload::name).containsExactly("httpbin-v1", "httpbin-v2");
    Workload v1 = s.workloadsIn("foo").get(0);
    assertThat(s.servicesSelecting(v1)).containsExactly(svc);
    Workload sleep = s.workloadsIn("foo").get(2);
    assertThat(sleep.name()).isEqualTo("sleep");
    assertThat(s.servicesSelecting(sleep)).isEmpty();
    assertThat(s.workloads()).allMatch(Workload::hasSidecar);
  }

  @Test
  void labelSelectorsWithExpressionsAreHonoured() {
    MeshSnapshot s = Manifests.snapshot(MESH);
    var sel =
        new dev.istiolint.core.model.LabelSelector(
            Map.of(),
            java.util.List.of(
                new dev.istiolint.core.model.LabelSelector.Expression(
                    dev.istiolint.core.model.Located.of("version", dev.istiolint.core.source.SourceSpan.at("x", 1, 1)),
                    dev.istiolint.core.model.Located.of("In", dev.istiolint.core.source.SourceSpan.at("x", 1, 1)),
                    java.util.List.of(
                        dev.istiolint.core.model.Located.of("v2", dev.istiolint.core.source.SourceSpan.at("x", 1, 1))))),
            dev.istiolint.core.source.SourceSpan.at("x", 1, 1));
    assertThat(s.workloadsMatching("foo", sel)).extracting(Workload::name).containsExactly("httpbin-v2");
  }

  @Test
  void findsWorkloadsBySelectorInAnyNamespace() {
    MeshSnapshot s = Manifests.snapshot(MESH);
    assertThat(s.workloadsMatchingAnywhere(Map.of("app", "httpbin"))).extracting(Workload::name)
        .containsExactly("httpbin-v1", "httpbin-v2");
    assertThat(s.workloadsMatchingAnywhere(Map.of("app", "httpbin", "version", "v1"))).extracting(Workload::name)
        .containsExactly("httpbin-v1");
    assertThat(s.workloadsMatchingAnywhere(Map.of("app", "nope"))).isEmpty();
    assertThat(s.workloadsMatchingAnywhere(Map.of())).hasSize(3);
    assertThat(s.ofKind("Deployment")).hasSize(3);
    assertThat(s.ofKind("Secret")).isEmpty();
  }

  /** A view for the derived-view tests. */
  private record Counted(int value) {}

  @Test
  void aDerivedViewIsComputedOnceAcrossThreadsAndAgainAfterRelease() throws Exception {
    MeshSnapshot s = Manifests.snapshot(MESH);
    java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Function<MeshSnapshot, Counted> compute =
        m -> new Counted(computed.incrementAndGet());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Counted>> views = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        views.add(pool.submit(() -> s.derived(Counted.class, compute)));
      }
      for (java.util.concurrent.Future<Counted> v : views) {
        assertThat(v.get()).isSameAs(views.get(0).get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(computed).hasValue(1);

    s.releaseDerived();
    assertThat(s.derived(Counted.class, compute).value()).isEqualTo(2);
  }

  @Test
  void aDerivedViewThatFailsIsComputedAgainNextTime() {
    MeshSnapshot s = Manifests.snapshot(MESH);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> s.derived(Counted.class, m -> {
              throw new IllegalStateException("boom");
            }))
        .hasMessage("boom");
    assertThat(s.derived(Counted.class, m -> new Counted(7)).value()).isEqualTo(7);
  }

  @Test
  void emptySnapshotAnswersEverythingEmpty() {
    MeshSnapshot s = MeshSnapshot.of(java.util.List.of());
    assertThat(s.all()).isEmpty();
    assertThat(s.workloads()).isEmpty();
    assertThat(s.namespaces()).isEmpty();
    assertThat(s.serviceByHost("x")).isEmpty();
    assertThat(s.settings().autoMtls()).isTrue();
  }
}
