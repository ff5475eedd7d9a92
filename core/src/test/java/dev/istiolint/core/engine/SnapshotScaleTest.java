package dev.istiolint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Indexes, not scans: a few thousand services and workloads in few namespaces build and answer quickly. */
class SnapshotScaleTest {

  @Test
  void buildsLargeSnapshotsInLinearTime() {
    StringBuilder y = new StringBuilder();
    int n = 3000;
    for (int i = 0; i < n; i++) {
      String ns = "ns" + (i % 5);
      y.append(
          """
          apiVersion: v1
          kind: Service
          metadata: {name: s%1$d, namespace: %2$s}
          spec: {selector: {app: a%1$d, tier: web}, ports: [{port: 80, targetPort: 8080}]}
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: d%1$d, namespace: %2$s}
          spec: {template: {metadata: {labels: {app: a%1$d, tier: web}}, spec: {containers: [{name: c}]}}}
          ---
          """
              .formatted(i, ns));
    }
    var resources = Manifests.resources(y.toString());
    long start = System.nanoTime();
    MeshSnapshot s = MeshSnapshot.of(resources);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(s.services()).hasSize(n);
    assertThat(s.workloads()).hasSize(n);
    assertThat(s.workloadsBehind(s.services().get(0))).hasSize(1);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }
}
