package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.engine.MeshSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Route groups: every client namespace a group covers gets exactly the group's outcome when computed on its own, and
 * the number of computed outcomes grows with the input, not with namespaces × hosts.
 */
class RouteGroupTest {

  @TestFactory
  Stream<DynamicTest> everyMemberOfEveryGroupOfEveryCaseHasTheGroupsOutcome() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(TlsCasesTest.casesDir())) {
      cases = s.filter(Files::isDirectory).filter(d -> !Files.exists(d.resolve("KNOWN-GAP"))).sorted().toList();
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
      TlsMatrix m = TlsCasesTest.matrix(c, TlsCasesTest.parse(c.resolve("routes.expect")).version());
      assertGroupsHold(m);
    }));
  }

  @Test
  void aGeneratedMeshWithExportToAndVirtualServicesKeepsEveryMembersOutcome() {
    assertGroupsHold(Mesh.matrix(mesh(12, 4, true), "1.28"));
    assertGroupsHold(Mesh.matrix(mesh(12, 4, true), "1.0"));
    assertGroupsHold(Mesh.matrix(mesh(12, 4, true), "1.11"));
  }

  @Test
  void computedOutcomesGrowLinearlyWhileRoutesGrowQuadratically() {
    TlsMatrix small = Mesh.matrix(mesh(40, 10, false), "1.28");
    TlsMatrix large = Mesh.matrix(mesh(80, 10, false), "1.28");
    assertThat(large.routeCount()).as("routes").isEqualTo(4 * small.routeCount());
    assertThat((double) large.evaluations() / small.evaluations()).as("computed outcomes").isLessThan(2.2);
    assertThat((double) large.groups().size() / small.groups().size()).as("groups").isLessThan(2.2);
    // a namespace's own services, the root namespace's view, and the shared view of everyone else
    assertThat(large.evaluations()).isLessThanOrEqualTo(80 * 10 * 3);
    assertThat(large.rootCauses(Verdict.CONFLICT)).hasSize(small.rootCauses(Verdict.CONFLICT).size() * 2);
    RootCause c = large.rootCauses(Verdict.CONFLICT).get(0);
    assertThat(c.routeCount()).isEqualTo(80);
    assertThat(c.routes()).hasSize(80);
    assertThat(c.routes().get(79).clientNamespace()).isEqualTo("ns9");
  }

  @Test
  void rulesExportedToOneNamespaceEachMakeOnlyThatNamespaceSpecial() {
    TlsMatrix small = Mesh.matrix(oneBigNamespace(100), "1.28");
    TlsMatrix large = Mesh.matrix(oneBigNamespace(200), "1.28");
    assertThat(large.routeCount()).isEqualTo(4 * small.routeCount());
    assertThat((double) large.evaluations() / small.evaluations()).as("computed outcomes").isLessThan(2.2);
    assertGroupsHold(Mesh.matrix(oneBigNamespace(8), "1.28"));
  }

  @Test
  void theMatrixIsTheSameOnOneThreadAndOnSeveral() throws IOException {
    // 30 × 10 destinations: several parts of the build for each thread, with notes raised in many of them
    for (String version : List.of("1.28", "1.11", "1.0")) {
      MeshSnapshot s = Mesh.snapshot(mesh(30, 10, true), version);
      TlsMatrix one = TlsResolver.resolve(s, s.istioVersion(), 1);
      TlsMatrix three = TlsResolver.resolve(s, s.istioVersion(), 3);
      assertThat(one.ignored()).as(version).isNotEmpty();
      assertThat(three.evaluations()).as(version).isEqualTo(one.evaluations());
      assertThat(three.groups()).as(version).hasSameSizeAs(one.groups());
      for (int i = 0; i < one.groups().size(); i++) {
        assertThat(describe(three.groups().get(i))).as(version).isEqualTo(describe(one.groups().get(i)));
      }
      assertThat(three.ignored()).as(version).isEqualTo(one.ignored());
      assertThat(report(three, version)).as(version).isEqualTo(report(one, version));
      assertGroupsHold(three);
    }
  }

  @Test
  void outcomesWithoutRoutesMatchTheRoutesOneByOne() {
    for (String version : List.of("1.28", "1.0")) {
      TlsMatrix m = Mesh.matrix(mesh(12, 4, true), version);
      List<Object> routes = new ArrayList<>();
      m.forEachRoute(ns -> true, h -> true, g -> true, r -> routes.add(List.of(
          r.describe(), r.clientTls(), r.serverMtls(), r.verdict(), r.clientTlsSource(), r.serverMtlsSource())));
      List<Object> outcomes = new ArrayList<>();
      m.forEachOutcome(ns -> true, h -> true, g -> true, (ns, g) -> outcomes.add(List.of(
          Route.describe(ns, g.host(), g.port(), g.subset()), g.clientTls(), g.serverMtls(), g.verdict(),
          g.clientTlsSource(), g.serverMtlsSource())));
      assertThat(outcomes).as(version).hasSize(Math.toIntExact(m.routeCount())).isEqualTo(routes);
    }
  }

  private static List<Object> describe(RouteGroup g) {
    return List.of(
        g.toString(), Arrays.toString(g.memberIndexes()), g.clientTlsSource(), g.serverMtlsSource(), g.replacedRule(),
        keys(g.participants()));
  }

  private static String report(TlsMatrix m, String version) throws IOException {
    StringBuilder out = new StringBuilder();
    TlsReport.Selection all = new TlsReport.Selection(ns -> true, h -> true);
    TlsReport.json(out, m, version, "", all);
    TlsReport.text(out, m, version, "", all);
    return out.toString();
  }

  /** Namespace big with {@code n} services and rules, rule i exported to client namespace c<i> as well. */
  private static String oneBigNamespace(int n) {
    StringBuilder y = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata: {name: big, labels:"
        + " {istio-injection: enabled}}\n");
    y.append(Mesh.pa("big", "default", "", "STRICT", ""));
    for (int i = 0; i < n; i++) {
      y.append("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c").append(i)
          .append(", labels: {istio-injection: enabled}}\n");
      y.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sleep, namespace: c").append(i)
          .append("}\nspec:\n  selector: {matchLabels: {app: sleep}}\n  template:\n"
              + "    metadata: {labels: {app: sleep}}\n    spec: {containers: [{name: sleep, image: curl}]}\n");
      y.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: s").append(i)
          .append(", namespace: big}\nspec: {selector: {app: s").append(i).append("}, ports: [{port: 80}]}\n");
      y.append(Mesh.dr("big", "s" + i, "s" + i, "  exportTo: [\".\", c" + i + "]\n  trafficPolicy: {tls: {mode: "
          + (i % 2 == 0 ? "DISABLE" : "ISTIO_MUTUAL") + "}}\n"));
    }
    return y.toString();
  }

  /** Compares each member's own computation with its group; also the root causes' route lists. */
  static void assertGroupsHold(TlsMatrix m) {
    for (RouteGroup g : m.groups()) {
      for (int n : g.memberIndexes()) {
        Route r = g.route(n);
        String where = r.describe() + " in " + g;
        assertThat(r.verdict()).as(where).isEqualTo(g.verdict());
        assertThat(r.clientTls()).as(where).isEqualTo(g.clientTls());
        assertThat(r.serverMtls()).as(where).isEqualTo(g.serverMtls());
        assertThat(r.clientTlsSource()).as(where).isEqualTo(g.clientTlsSource());
        assertThat(r.serverMtlsSource()).as(where).isEqualTo(g.serverMtlsSource());
        assertThat(r.replacedRule()).as(where).isEqualTo(g.replacedRule());
        assertThat(keys(g.participantsOf(n))).as(where).isEqualTo(keys(g.participants()));
      }
    }
    long total = 0;
    for (RootCause c : m.rootCauses()) {
      List<Route> routes = c.routes();
      assertThat(routes.get(0).describe()).isEqualTo(c.first().describe());
      total += routes.size();
    }
    long broken = m.routes().stream().filter(r -> r.verdict() != Verdict.OK).count();
    assertThat(total).isEqualTo(broken);
  }

  private static List<Object> keys(List<Participant> ps) {
    List<Object> out = new ArrayList<>();
    ps.forEach(p -> out.add(List.of(p.resource().id(), p.at(), p.side(), p.meshWide())));
    return out;
  }

  /**
   * {@code namespaces} × {@code services}: an injected Deployment and a Service each, a DestinationRule each (every
   * third with tls DISABLE, every third without tls), a STRICT PeerAuthentication in every fourth namespace, a
   * mesh-wide ISTIO_MUTUAL rule; with {@code variety} also exportTo lists, a VirtualService with subsets and a gateway.
   */
  static String mesh(int namespaces, int services, boolean variety) {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: istio-system}\n");
    y.append(Mesh.dr("istio-system", "default", "*.local", "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n"));
    if (variety) {
      y.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ingress, namespace: istio-system}\n"
          + "spec:\n  selector: {matchLabels: {istio: ingressgateway}}\n  template:\n"
          + "    metadata: {labels: {istio: ingressgateway}}\n"
          + "    spec: {containers: [{name: istio-proxy, image: proxyv2}]}\n");
    }
    for (int n = 0; n < namespaces; n++) {
      String ns = "ns" + n;
      y.append("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ").append(ns)
          .append(", labels: {istio-injection: enabled}}\n");
      if (n % 4 == 0) {
        y.append(Mesh.pa(ns, "default", "", "STRICT", ""));
      }
      for (int s = 0; s < services; s++) {
        String svc = "s" + s;
        y.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: ").append(svc).append(", namespace: ")
            .append(ns).append("}\nspec:\n  selector: {app: ").append(svc).append("}\n  ports: [{name: http, port: 80,"
                + " targetPort: 8080}]\n");
        y.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ").append(svc)
            .append(", namespace: ").append(ns).append("}\nspec:\n  selector: {matchLabels: {app: ").append(svc)
            .append("}}\n  template:\n    metadata: {labels: {app: ").append(svc).append(", version: v1}}\n"
                + "    spec: {containers: [{name: app, image: app}]}\n");
        String tls = s % 3 == 0 ? "    tls: {mode: DISABLE}\n" : s % 3 == 1 ? "" : "    tls: {mode: ISTIO_MUTUAL}\n";
        String export = "";
        if (variety && s == 1) {
          export = "  exportTo: [\".\", \"ns" + ((n + 1) % namespaces) + "\"]\n";
        } else if (variety && s == 2) {
          export = "  exportTo: [\".\"]\n";
        }
        y.append(Mesh.dr(ns, svc, svc, export + "  trafficPolicy:\n    connectionPool: {tcp: {maxConnections: 10}}\n"
            + tls + "  subsets: [{name: v1, labels: {version: v1}}]\n"));
        if (variety && s == 0) {
          y.append("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ").append(svc)
              .append(", namespace: ").append(ns).append("}\nspec:\n  hosts: [").append(svc)
              .append("]\n  exportTo: [\".\", \"ns").append((n + 2) % namespaces).append("\"]\n"
                  + "  http: [{route: [{destination: {host: ").append(svc).append(", subset: v1}}]}]\n");
        }
      }
    }
    return y.toString();
  }
}
