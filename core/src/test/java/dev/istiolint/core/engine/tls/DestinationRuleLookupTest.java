package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.IstioVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Host candidates, exportTo visibility, the lookup order and merging (tls-semantics §1 and §2), as tables. */
class DestinationRuleLookupTest {

  private static final String MUTUAL = "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n";
  private static final String PLAIN = "  trafficPolicy: {tls: {mode: DISABLE}}\n";
  private static final String NO_TLS = "  trafficPolicy: {connectionPool: {tcp: {maxConnections: 1}}}\n";
  private static final String AUTO_OFF = """
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: istio, namespace: istio-system}
      data:
        mesh: |
          enableAutoMtls: false
      """;

  @Test
  void wildcardCandidatesAreTriedFromTheMostSpecific() {
    assertThat(DrIndex.candidates(HostName.of("httpbin.foo.svc.cluster.local")).stream().map(HostName::value))
        .containsExactly("httpbin.foo.svc.cluster.local", "*.foo.svc.cluster.local", "*.svc.cluster.local",
            "*.cluster.local", "*.local", "*");
    assertThat(DrIndex.candidates(HostName.of("*.example.com")).stream().map(HostName::value))
        .containsExactly("*.example.com", "*.com", "*");
  }

  @ParameterizedTest(name = "exportTo {0}, mesh default {1}, Istio {2}: local={3} private={4}")
  @CsvSource(delimiter = '|', value = {
    "[]              | [\"*\"] | 1.28 | true  | false",
    "[]              | [\".\"] | 1.28 | true  | true",
    "[\".\"]         | [\"*\"] | 1.28 | true  | true",
    "[foo]           | [\"*\"] | 1.28 | true  | true",
    "[bar]           | [\"*\"] | 1.28 | false | false",
    "[\".\", bar]    | [\"*\"] | 1.28 | true  | false",
    "[\"*\"]         | [\".\"] | 1.28 | true  | false",
    "[bar]           | [\"*\"] | 1.6  | true  | false",
    "[\".\", bar]    | [\"*\"] | 1.6  | true  | true"
  })
  void exportToDecidesLocalUseAndExport(
      String exportTo, String meshDefault, String version, boolean local, boolean privateOnly) {
    String yaml = Mesh.FOO + configMap("defaultDestinationRuleExportTo: " + meshDefault)
        + Mesh.dr("foo", "r", "httpbin", "  exportTo: " + exportTo + "\n" + MUTUAL);
    MeshSnapshot s = Mesh.snapshot(yaml, version);
    MeshInputs mesh = new MeshInputs(s, Profile.of(IstioVersion.parse(version).orElseThrow()));
    DrIndex index = new DrIndex(s.destinationRules(), mesh, x -> {});
    DestinationRule r = s.destinationRules().get(0);
    assertThat(index.usableLocally(r)).as("usable in foo").isEqualTo(local);
    assertThat(index.privateOnly(r)).as("private only").isEqualTo(privateOnly);
  }

  private static String configMap(String mesh) {
    return "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |\n    "
        + mesh + "\n";
  }

  static Stream<Arguments> lookups() {
    String root = Mesh.dr("istio-system", "default", "*.local", MUTUAL);
    return Stream.of(
        Arguments.of("only the root rule", "1.28", root, "foo", "istio-system/default"),
        Arguments.of("the client namespace beats specificity", "1.28",
            root + Mesh.dr("foo", "exact", "httpbin", MUTUAL) + Mesh.dr("bar", "wide", "*.svc.cluster.local", NO_TLS),
            "bar", "bar/wide"),
        Arguments.of("the service namespace comes before the root", "1.28",
            root + Mesh.dr("foo", "exact", "httpbin", MUTUAL), "bar", "foo/exact"),
        Arguments.of("a rule in another namespace only serves its own clients", "1.28",
            root + Mesh.dr("bar", "for-foo", "httpbin.foo.svc.cluster.local", NO_TLS), "foo", "istio-system/default"),
        Arguments.of("an invisible most specific host skips to the root", "1.28",
            root + Mesh.dr("foo", "wide", "*.foo.svc.cluster.local", MUTUAL)
                + Mesh.dr("foo", "exact", "httpbin", "  exportTo: [baz]\n" + MUTUAL),
            "bar", "istio-system/default"),
        Arguments.of("1.0: one global set, the most specific host wins", "1.0",
            root + Mesh.dr("foo", "wide", "*.foo.svc.cluster.local", MUTUAL)
                + Mesh.dr("bar", "exact", "httpbin.foo.svc.cluster.local", NO_TLS),
            "foo", "bar/exact"),
        Arguments.of("a dotted short host matches nothing", "1.28",
            root + Mesh.dr("foo", "dotted", "httpbin.foo", PLAIN), "foo", "istio-system/default"),
        Arguments.of("a short host expands in the rule's namespace", "1.28",
            root + Mesh.dr("bar", "short", "httpbin", PLAIN), "bar", "istio-system/default"),
        Arguments.of("a non-matching workloadSelector rule leaves no rule at all", "1.28",
            root + Mesh.dr("foo", "sel", "httpbin", "  workloadSelector: {matchLabels: {app: ratings}}\n" + PLAIN),
            "foo", "-"),
        Arguments.of("before 1.14 workloadSelector does not exist", "1.12",
            root + Mesh.dr("foo", "sel", "httpbin", "  workloadSelector: {matchLabels: {app: ratings}}\n" + PLAIN),
            "foo", "foo/sel"),
        Arguments.of("the mesh default exportTo . hides the root rule", "1.28",
            "#mesh:defaultDestinationRuleExportTo: [\".\"]\n" + root, "foo", "-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void theClientGetsTheRuleOfTheFirstLookupStepThatHasOne(
      String what, String version, String rules, String client, String expected) {
    String mesh = "enableAutoMtls: false";
    if (rules.startsWith("#mesh:")) {
      mesh += "\n    " + rules.substring(6, rules.indexOf('\n'));
      rules = rules.substring(rules.indexOf('\n') + 1);
    }
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + configMap(mesh) + rules, version), client);
    assertThat(r.clientTlsSource().map(p -> p.resource().namespace() + "/" + p.resource().name()).orElse("-"))
        .as(String.join("\n", r.explanation()))
        .isEqualTo(expected);
  }

  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of("the oldest trafficPolicy wins as a whole", "1.28",
            rule("a", "2024-01-01T00:00:00Z", "", PLAIN) + rule("b", "2024-06-01T00:00:00Z", "", MUTUAL),
            "foo", ClientTls.DISABLE, "foo/a"),
        Arguments.of("a newer rule only adds what the older lacks", "1.28",
            rule("a", "2024-01-01T00:00:00Z", "", "  subsets: [{name: v1, labels: {version: v1}}]\n")
                + rule("b", "2024-06-01T00:00:00Z", "", MUTUAL),
            "foo", ClientTls.ISTIO_MUTUAL, "foo/b"),
        Arguments.of("1.24: different exportTo stay apart and the newest wins", "1.24",
            rule("a", "2024-01-01T00:00:00Z", "  exportTo: [\"*\"]\n", MUTUAL)
                + rule("b", "2024-06-01T00:00:00Z", "  exportTo: [\".\"]\n", PLAIN),
            "foo", ClientTls.DISABLE, "foo/b"),
        Arguments.of("1.23: different exportTo are merged and the oldest wins", "1.23",
            rule("a", "2024-01-01T00:00:00Z", "  exportTo: [\"*\"]\n", MUTUAL)
                + rule("b", "2024-06-01T00:00:00Z", "  exportTo: [\".\"]\n", PLAIN),
            "foo", ClientTls.ISTIO_MUTUAL, "foo/a"),
        Arguments.of("1.0.1+: the oldest policy wins", "1.0",
            rule("a", "2018-08-01T00:00:00Z", "", MUTUAL) + rule("b", "2018-09-01T00:00:00Z", "", PLAIN),
            "foo", ClientTls.ISTIO_MUTUAL, "foo/a"));
  }

  private static String rule(String name, String created, String exportTo, String body) {
    return "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: " + name
        + ", namespace: foo, creationTimestamp: \"" + created + "\"}\nspec:\n  host: httpbin\n" + exportTo + body;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void sameHostRulesMergeAsIstioDoes(
      String what, String version, String rules, String client, ClientTls tls, String source) {
    Route r = Mesh.httpbin(Mesh.matrix(Mesh.FOO + AUTO_OFF + rules, version), client);
    assertThat(r.clientTls()).as(String.join("\n", r.explanation())).isEqualTo(tls);
    assertThat(r.clientTlsSource().map(p -> p.resource().namespace() + "/" + p.resource().name()).orElse("-"))
        .isEqualTo(source);
  }

  @Test
  void discardedPoliciesAreNotedOnTheNewerRule() {
    TlsMatrix m = Mesh.matrix(Mesh.FOO + rule("a", "2024-01-01T00:00:00Z", "", PLAIN)
        + rule("b", "2024-06-01T00:00:00Z", "", MUTUAL), "1.28");
    List<IgnoredConfig> notes = m.ignored(IgnoredConfig.Cause.MERGED_POLICY_DISCARDED);
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).resource().name()).isEqualTo("b");
    assertThat(notes.get(0).message()).contains("foo/a");
  }
}
