package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.LintRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conformance with {@code istioctl analyze}'s own test corpus ({@code ../shared/reference/istio/analyzer-cases.json}).
 * Each case ran one istioctl analyzer; here only the rules that stand for that analyzer run, and only findings whose
 * istioCode the analyzer can emit are compared, as a multiset of {@code (code, Kind namespace/name)} pairs.
 *
 * <p>A case counts as passed only when at least one rule stands for its analyzer: an empty expectation met by running
 * nothing proves nothing. The figures may only go up: the floors below are raised as rules land.
 */
class AnalyzerParityTest {

  /** Authored-only cases (the parity target, 69 in all) that must keep passing. */
  private static final int AUTHORED_FLOOR = 69;

  /** Runtime-data cases (36 in all) that must keep passing. */
  private static final int RUNTIME_FLOOR = 33;

  /** The message codes each istioctl analyzer can emit (from Istio's analyzer metadata). */
  static final Map<String, Set<String>> ANALYZER_CODES =
      Map.ofEntries(
          Map.entry("annotations.K8sAnalyzer", Set.of("IST0107", "IST0108", "IST0125", "IST0135")),
          Map.entry("annotations.AlphaAnalyzer", Set.of("IST0136")),
          Map.entry("deprecation.DeprecationAnalyzer", Set.of("IST0002")),
          Map.entry("externalcontrolplane.ExternalControlPlaneAnalyzer", Set.of("IST0163", "IST0164")),
          Map.entry("gateway.IngressGatewayPortAnalyzer", Set.of("IST0101", "IST0162")),
          Map.entry("gateway.SecretAnalyzer", Set.of("IST0101", "IST0161")),
          Map.entry("gateway.ConflictingGatewayAnalyzer", Set.of("IST0145")),
          Map.entry("gateway.CertificateAnalyzer", Set.of("IST0138")),
          Map.entry("injection.Analyzer", Set.of("IST0102", "IST0103", "IST0123", "IST0148")),
          Map.entry("injection.ImageAnalyzer", Set.of("IST0158")),
          Map.entry("injection.ImageAutoAnalyzer", Set.of("IST0146", "IST0147")),
          Map.entry("service.PortNameAnalyzer", Set.of("IST0118", "IST0150")),
          Map.entry("sidecar.SelectorAnalyzer", Set.of("IST0101", "IST0110", "IST0111", "IST0167")),
          Map.entry("virtualservice.ConflictingMeshGatewayHostsAnalyzer", Set.of("IST0109")),
          Map.entry("virtualservice.DestinationHostAnalyzer", Set.of("IST0101", "IST0112", "IST0140")),
          Map.entry("virtualservice.DestinationRuleAnalyzer", Set.of("IST0101")),
          Map.entry("virtualservice.GatewayAnalyzer", Set.of("IST0101", "IST0132", "IST0165")),
          Map.entry("virtualservice.JWTClaimRouteAnalyzer", Set.of("IST0149")),
          Map.entry("deployment.MultiServiceAnalyzer", Set.of("IST0116", "IST0137")),
          Map.entry("meshnetworks.MeshNetworksAnalyzer", Set.of("IST0126")),
          Map.entry("authn.BlockedCIDRsAnalyzer", Set.of("IST0175")),
          Map.entry("auth.AuthorizationPoliciesAnalyzer", Set.of("IST0101", "IST0127")),
          Map.entry("destinationrule.CaCertificateAnalyzer", Set.of("IST0128", "IST0129")),
          Map.entry("schema.ValidationAnalyzer.VirtualService", Set.of("IST0106", "IST0130", "IST0131")),
          Map.entry("serviceentry.Analyzer", Set.of("IST0134")),
          Map.entry("webhook.Analyzer", Set.of("IST0139")),
          Map.entry("applicationUID.Analyzer", Set.of("IST0144")),
          Map.entry(
              "envoyfilter.EnvoyPatchAnalyzer", Set.of("IST0151", "IST0152", "IST0153", "IST0154", "IST0155")),
          Map.entry("telemetry.ProviderAnalyzer", Set.of("IST0157")),
          Map.entry("telemetry.SelectorAnalyzer", Set.of("IST0101", "IST0159")),
          Map.entry("telemetry.DefaultSelectorAnalyzer", Set.of("IST0160")),
          Map.entry("telemetry.LightstepAnalyzer", Set.of("IST0002")),
          Map.entry("k8sgateway.SelectorAnalyzer", Set.of("IST0166")),
          Map.entry("k8sgateway.CRDVersionAnalyzer", Set.of("IST0176")),
          Map.entry("serviceentry.ConflictingServiceEntryProtocolAnalyzer", Set.of("IST0177")),
          Map.entry("conditions.ConditionAnalyzer", Set.of("IST0171")),
          Map.entry("destinationrule.SubsetSelectPodAnalyzer", Set.of("IST0173", "IST0174")),
          Map.entry("services.MultiClusterServiceAnalyzer", Set.of("IST0170")));

  /**
   * The istio-lint rules that stand for each analyzer. Several rules share an istioCode (IST0101 covers every kind of
   * dangling reference), so the rules are named rather than chosen by code.
   */
  static final Map<String, List<String>> ANALYZER_RULES =
      Map.ofEntries(
          Map.entry("virtualservice.GatewayAnalyzer", List.of("REF001", "ROUTE006", "REF015")),
          Map.entry("virtualservice.DestinationHostAnalyzer", List.of("REF002", "REF003", "ROUTE003", "ROUTE007")),
          Map.entry("virtualservice.DestinationRuleAnalyzer", List.of("REF004")),
          Map.entry("virtualservice.ConflictingMeshGatewayHostsAnalyzer", List.of("ROUTE001")),
          Map.entry("destinationrule.SubsetSelectPodAnalyzer", List.of("REF011", "REF012")),
          Map.entry("gateway.ConflictingGatewayAnalyzer", List.of("ROUTE008")),
          Map.entry("gateway.IngressGatewayPortAnalyzer", List.of("REF005", "ROUTE009")),
          Map.entry("gateway.SecretAnalyzer", List.of("REF005", "REF006", "REF017")),
          Map.entry("gateway.CertificateAnalyzer", List.of("ROUTE010")),
          Map.entry("serviceentry.Analyzer", List.of("ROUTE011")),
          Map.entry("serviceentry.ConflictingServiceEntryProtocolAnalyzer", List.of("ROUTE012")),
          Map.entry("service.PortNameAnalyzer", List.of("ROUTE013", "ROUTE014")),
          Map.entry("deployment.MultiServiceAnalyzer", List.of("ROUTE015", "ROUTE016")),
          Map.entry("webhook.Analyzer", List.of("SCHEMA101")),
          Map.entry("schema.ValidationAnalyzer.VirtualService", List.of("ROUTE004", "ROUTE005")),
          Map.entry("applicationUID.Analyzer", List.of("ROUTE027")),
          Map.entry("authn.BlockedCIDRsAnalyzer", List.of("AUTHZ002")),
          Map.entry("deprecation.DeprecationAnalyzer", List.of("SCHEMA105")),
          Map.entry("telemetry.LightstepAnalyzer", List.of("SCHEMA106")),
          Map.entry("telemetry.ProviderAnalyzer", List.of("REF013")),
          Map.entry("auth.AuthorizationPoliciesAnalyzer", List.of("REF009", "REF010")),
          Map.entry("k8sgateway.SelectorAnalyzer", List.of("REF016")),
          Map.entry("virtualservice.JWTClaimRouteAnalyzer", List.of("AUTHZ003")),
          Map.entry("injection.ImageAnalyzer", List.of("SCHEMA118")),
          Map.entry("annotations.K8sAnalyzer", List.of("SCHEMA113", "SCHEMA114", "SCHEMA115", "SCHEMA116")),
          Map.entry("annotations.AlphaAnalyzer", List.of("SCHEMA117")),
          Map.entry("injection.ImageAutoAnalyzer", List.of("SCHEMA111", "SCHEMA112")),
          Map.entry("injection.Analyzer", List.of("SCHEMA107", "SCHEMA108", "SCHEMA109", "SCHEMA110")),
          Map.entry("externalcontrolplane.ExternalControlPlaneAnalyzer", List.of("SCHEMA102", "SCHEMA103")),
          Map.entry("k8sgateway.CRDVersionAnalyzer", List.of("SCHEMA104")),
          Map.entry("sidecar.SelectorAnalyzer", List.of("REF007", "ROUTE017", "ROUTE018", "ROUTE019")),
          Map.entry("telemetry.SelectorAnalyzer", List.of("REF008", "ROUTE025")),
          Map.entry("telemetry.DefaultSelectorAnalyzer", List.of("ROUTE026")),
          Map.entry(
              "envoyfilter.EnvoyPatchAnalyzer", List.of("ROUTE020", "ROUTE021", "ROUTE022", "ROUTE023", "ROUTE024")));

  /** Analyzers no rule stands for, and why: they read data a folder of manifests does not have. */
  static final Map<String, String> UNSUPPORTED =
      Map.of(
          "meshnetworks.MeshNetworksAnalyzer", "needs the meshNetworks configuration and remote-cluster Secrets",
          "conditions.ConditionAnalyzer", "reads status conditions written by controllers",
          "services.MultiClusterServiceAnalyzer", "compares the Services of two clusters");

  /** Codes several analyzers emit: a rule with one of them stands for an analyzer only when named above. */
  private static final Set<String> SHARED_CODES = Set.of("IST0101", "IST0002", "IST0106");

  /** The two objects istioctl's test harness adds to every case. */
  private static final String HARNESS_INGRESS =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: istio-ingressgateway-dummypod
        namespace: istio-system
        labels:
          istio: ingressgateway
      spec:
        containers:
        - name: istio-proxy
          image: proxyv2
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: istio-ingressgateway
        namespace: istio-system
      spec:
        selector:
          istio: ingressgateway
        ports:
        - {name: http2, port: 80, protocol: TCP}
        - {name: https, port: 443, protocol: TCP}
        - {name: tcp, port: 31400, protocol: TCP}
        - {name: tls, port: 15443, protocol: TCP}
      """;

  record Outcome(int id, String name, String analyzer, boolean runtime, boolean covered, List<String> missing,
      List<String> extra) {
    boolean passed() {
      return covered && missing.isEmpty() && extra.isEmpty();
    }
  }

  @Test
  void analyzerCasesMatchIstioctlAtLeastAsWellAsRecorded() throws IOException {
    Optional<Path> reference = TestPaths.reference();
    assumeTrue(reference.isPresent(), "../shared/reference is not present; conformance skipped");
    Path istio = reference.get().resolve("istio");
    JsonNode cases = JsonMapper.builder().build().readTree(Files.readString(istio.resolve("analyzer-cases.json")));
    Map<String, LintRule> byId = new TreeMap<>();
    TestRules.builtIn().forEach(r -> byId.put(r.meta().id(), r));

    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode c : cases) {
      outcomes.add(run(c, istio, byId));
    }
    int authoredTotal = 0;
    int authoredPassed = 0;
    int runtimeTotal = 0;
    int runtimePassed = 0;
    StringBuilder report = new StringBuilder();
    for (Outcome o : outcomes) {
      if (o.runtime()) {
        runtimeTotal++;
        runtimePassed += o.passed() ? 1 : 0;
      } else {
        authoredTotal++;
        authoredPassed += o.passed() ? 1 : 0;
      }
    }
    report.append("analyzer parity: ")
        .append(authoredPassed).append('/').append(authoredTotal).append(" authored-only cases, ")
        .append(runtimePassed).append('/').append(runtimeTotal).append(" runtime-data cases\n");
    for (Outcome o : outcomes) {
      if (o.passed()) {
        continue;
      }
      report.append(o.runtime() ? "  [runtime] " : "  [authored] ")
          .append('#').append(o.id()).append(' ').append(o.name()).append(" (").append(o.analyzer()).append("): ");
      if (!o.covered()) {
        report.append("not supported: ")
            .append(UNSUPPORTED.getOrDefault(o.analyzer(), "no rule stands for it"))
            .append('\n');
        continue;
      }
      report.append('\n');
      o.missing().forEach(m -> report.append("      missing ").append(m).append('\n'));
      o.extra().forEach(m -> report.append("      extra   ").append(m).append('\n'));
    }
    Path out = Path.of("target", "analyzer-parity.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    System.out.print(report);

    assertThat(authoredPassed).as("authored-only parity fell below the recorded floor\n" + report)
        .isGreaterThanOrEqualTo(AUTHORED_FLOOR);
    assertThat(runtimePassed).as("runtime-data parity fell below the recorded floor\n" + report)
        .isGreaterThanOrEqualTo(RUNTIME_FLOOR);
  }

  private static Outcome run(JsonNode c, Path istio, Map<String, LintRule> byId) {
    int id = c.get("id").asInt();
    String name = c.get("name").asString();
    String analyzer = c.get("analyzer").asString();
    boolean runtime = c.get("needsRuntimeData").asBoolean();
    Set<String> codes = ANALYZER_CODES.getOrDefault(analyzer, Set.of());
    List<LintRule> rules = new ArrayList<>();
    if (ANALYZER_RULES.containsKey(analyzer)) {
      for (String ruleId : ANALYZER_RULES.get(analyzer)) {
        LintRule r = byId.get(ruleId);
        if (r != null) {
          rules.add(r);
        }
      }
    } else {
      // rules of other modules (the TLS rules) stand for an analyzer through a code no other analyzer emits
      for (LintRule r : byId.values()) {
        Optional<String> code = r.meta().istioCode();
        if (code.isPresent() && codes.contains(code.get()) && !SHARED_CODES.contains(code.get())) {
          rules.add(r);
        }
      }
    }
    List<String> expected = new ArrayList<>();
    for (JsonNode e : c.get("expected")) {
      expected.add(e.get("code").asString() + " " + e.get("resource").asString());
    }
    if (rules.isEmpty()) {
      return new Outcome(id, name, analyzer, runtime, false, List.of(), List.of());
    }
    Path data = istio.resolve("analyzer-testdata");
    LintRequest.Builder request =
        LintRequest.builder().baseDirectory(data).defaultNamespace("").rules(rules);
    for (JsonNode f : c.get("inputFiles")) {
      request.path(data.resolve(f.asString()));
    }
    JsonNode mesh = c.get("meshConfigFile");
    if (mesh != null && !mesh.isNull()) {
      request.meshConfig(data.resolve(mesh.asString()));
    }
    // istioctl's harness added these objects to every case; cases marked dependsOnHarnessDefaultIngress rely on them
    request.source(SourceInput.of("harness-default-ingress.yaml", HARNESS_INGRESS));
    LintResult result = Linter.lint(request.build());
    List<String> actual = new ArrayList<>();
    for (Diagnostic d : result.findings()) {
      Optional<String> code = d.rule().istioCode();
      if (code.isPresent() && codes.contains(code.get()) && d.resource().isPresent()) {
        actual.add(code.get() + " " + d.resource().get());
      }
    }
    List<String> missing = new ArrayList<>(expected);
    List<String> extra = new ArrayList<>();
    for (String a : actual) {
      if (!missing.remove(a)) {
        extra.add(a);
      }
    }
    missing.sort(null);
    extra.sort(null);
    return new Outcome(id, name, analyzer, runtime, true, missing, extra);
  }
}
