package dev.istiolint.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.testing.CpuCost;
import dev.istiolint.core.testing.SyntheticFiles;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.tls.TlsResolver;
import dev.istiolint.core.model.IstioVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * No quadratic step: one namespace holding 5,000 DestinationRules must cost about twice what 2,500 cost.
 *
 * <p>Not a timed unit test: both sizes run in the same JVM after a warm-up, each cost is the best of several runs in
 * CPU time (which other processes on a busy machine do not inflate, unlike wall time), and only their ratio is checked,
 * against a bound between what linear and quadratic work would measure.
 *
 * <p>The whole run loads on several threads and is timed in process CPU time, at twice the size, against 3 (between
 * linear, 2, and quadratic, 4); the parse dominates it, and it measures 1.6-2.4. A stage that is quadratic only in a
 * small constant would hide behind the parse there, so the analyses after loading are also timed alone, on the test's
 * thread, in that thread's CPU time (precise, and free of the collector: see {@link CpuCost}). They compare four times
 * the size, against 11. The analyses are bound by memory, not by arithmetic, and their data outgrows the processor's
 * caches in this range (32 MiB here, shared with other machines): every step slows down alike, so the same linear
 * analysis measured 2.2-3.0 for twice the workloads, and 6.3-8.4 for four times. Quadratic work would measure 16 or
 * more; 11 sits between 8.4 and 16 on a logarithmic scale.
 */
class LinearityTest {

  private static final int N = 2_500;
  private static final double BOUND = 3.0;
  /** The analyses: {@link #SMALL} and four times as much. */
  private static final int SMALL = 1_250;
  private static final double BOUND_FOUR_TIMES = 11.0;
  private static final int FILES = 10;

  @Test
  void lintingOneNamespaceWithFiveThousandDestinationRulesGrowsLinearly() {
    List<SourceInput> small = mesh(N);
    List<SourceInput> large = mesh(2 * N);
    assertThat(lint(large).summary().resources()).isEqualTo(2 * (2 * N) + 3);

    double ratio = CpuCost.bestRatio(() -> lint(small), () -> lint(large), BOUND);

    assertThat(ratio).as("time(%d DestinationRules) / time(%d)", 2 * N, N).isLessThan(BOUND);
  }

  @Test
  void analysingALoadedNamespaceWithFiveThousandDestinationRulesGrowsLinearly() {
    MeshSnapshot small = lint(mesh(SMALL)).snapshot();
    MeshSnapshot large = lint(mesh(4 * SMALL)).snapshot();

    double ratio = analysisRatio(small, large, 20);

    assertThat(ratio).as("time(%d DestinationRules) / time(%d)", 4 * SMALL, SMALL).isLessThan(BOUND_FOUR_TIMES);
  }

  @Test
  void analysingFourTimesTheNamespacesGrowsLinearly() {
    MeshSnapshot small = lint(namespaces(5, 50)).snapshot();
    MeshSnapshot large = lint(namespaces(20, 50)).snapshot();

    double ratio = analysisRatio(small, large, 80);

    assertThat(ratio).as("time(20 namespaces) / time(5 namespaces)").isLessThan(BOUND_FOUR_TIMES);
  }

  @Test
  void analysingOneNamespaceWithFiveThousandWorkloadsAndTheirPoliciesGrowsLinearly() {
    MeshSnapshot small = lint(workloads(SMALL)).snapshot();
    MeshSnapshot large = lint(workloads(4 * SMALL)).snapshot();
    assertThat(large.workloads()).hasSize(4 * SMALL);

    double ratio = analysisRatio(small, large, 20);

    assertThat(ratio).as("time(%d workloads) / time(%d)", 4 * SMALL, SMALL).isLessThan(BOUND_FOUR_TIMES);
  }

  /** {@link #analyse} of {@code large} against {@code small}, each repeated {@code times} per measurement. */
  private static double analysisRatio(MeshSnapshot small, MeshSnapshot large, int times) {
    return CpuCost.bestRatioOnThisThread(
        () -> repeat(times, () -> analyse(small)), () -> repeat(times, () -> analyse(large)), BOUND_FOUR_TIMES);
  }

  /** What runs after loading: the snapshot and its indexes, and the effective-TLS matrix. */
  private static Object analyse(MeshSnapshot loaded) {
    MeshSnapshot snapshot = MeshSnapshot.of(loaded.all(), IstioVersion.LATEST, Optional.empty());
    return TlsResolver.resolve(snapshot, IstioVersion.LATEST).routeCount();
  }

  private static Object repeat(int times, Supplier<?> work) {
    Object last = null;
    for (int i = 0; i < times; i++) {
      last = work.get();
    }
    return last;
  }

  /** {@code count} namespaces, each with a client Deployment and {@code services} Services with DestinationRules. */
  private static List<SourceInput> namespaces(int count, int services) {
    List<SourceInput> files = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              """
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: client
                namespace: ns-%1$d
              spec:
                selector:
                  matchLabels:
                    app: client
                template:
                  metadata:
                    labels:
                      app: client
                      sidecar.istio.io/inject: "true"
                  spec:
                    containers:
                    - name: app
                      image: client:1
              """,
              n));
      for (int i = 0; i < services; i++) {
        b.append(
            String.format(
                Locale.ROOT,
                """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: svc-%2$d
                  namespace: ns-%1$d
                spec:
                  selector:
                    app: svc-%2$d
                  ports:
                  - name: http
                    port: 8080
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: svc-%2$d
                  namespace: ns-%1$d
                spec:
                  host: svc-%2$d
                  trafficPolicy:
                    tls:
                      mode: ISTIO_MUTUAL
                """,
                n,
                i));
      }
      files.add(SourceInput.of("ns-" + n + ".yaml", b.toString()));
    }
    return files;
  }

  /**
   * One namespace with {@code count} Services, each with the Deployment behind it (every one a client too), a
   * DestinationRule and a workload PeerAuthentication with port-level mTLS, over ten files: every client namespace
   * holds thousands of workloads, and every endpoint has its own policy.
   */
  private static List<SourceInput> workloads(int count) {
    return SyntheticFiles.spread("big", count, FILES, i ->
        String.format(
                Locale.ROOT,
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
                        sidecar.istio.io/inject: "true"
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
                  subsets:
                  - name: v1
                    labels:
                      version: v1
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
                    mode: STRICT
                  portLevelMtls:
                    9080:
                      mode: PERMISSIVE
                """,
                i));
  }

  private static LintResult lint(List<SourceInput> sources) {
    LintRequest.Builder request = LintRequest.builder();
    sources.forEach(request::source);
    return Linter.lint(request.build());
  }

  /**
   * One STRICT namespace with a client Deployment, a mesh-wide DestinationRule, and {@code rules} Services, each with
   * its DestinationRule, over ten files.
   */
  private static List<SourceInput> mesh(int rules) {
    List<SourceInput> files = new ArrayList<>();
    files.add(
        SourceInput.of(
            "mesh.yaml",
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
              namespace: big
            spec:
              mtls:
                mode: STRICT
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: default
              namespace: istio-system
            spec:
              host: "*.local"
              trafficPolicy:
                tls:
                  mode: ISTIO_MUTUAL
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: client
              namespace: big
            spec:
              selector:
                matchLabels:
                  app: client
              template:
                metadata:
                  labels:
                    app: client
                    sidecar.istio.io/inject: "true"
                spec:
                  containers:
                  - name: app
                    image: client:1
            """));
    files.addAll(SyntheticFiles.spread("big", rules, FILES, i ->
        String.format(
                Locale.ROOT,
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
                  - name: grpc
                    port: 9090
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: svc-%1$d
                  namespace: big
                spec:
                  host: svc-%1$d.big.svc.cluster.local
                  trafficPolicy:
                    tls:
                      mode: %2$s
                    portLevelSettings:
                    - port:
                        number: 9090
                      tls:
                        mode: ISTIO_MUTUAL
                  subsets:
                  - name: v1
                    labels:
                      version: v1
                """,
                i,
                i % 7 == 0 ? "DISABLE" : "ISTIO_MUTUAL")));
    return files;
  }
}
