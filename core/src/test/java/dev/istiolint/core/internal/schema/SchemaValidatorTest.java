package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.rule.CoreRules;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static List<YDocument> docs(String yaml) {
    return new YamlLoader().load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).documents();
  }

  @Test
  void aRemoteReferenceIsRefusedWithoutAnyNetworkOrFileAccess() {
    List<URI> connections = new ArrayList<>();
    ProxySelector previous = ProxySelector.getDefault();
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            synchronized (connections) {
              connections.add(uri);
            }
            throw new IllegalStateException("network access attempted: " + uri);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
    try {
      SchemaValidator validator = new SchemaValidator("default", getClass().getClassLoader(), "schema-test");
      YDocument doc = docs("apiVersion: x/v1\nkind: Thing\nmetadata: {name: a}\nspec: {a: 1}\nother: 2\n").get(0);
      SchemaValidator.Validation v = validator.validateAgainst(doc, SchemaCatalog.BASE + "remote.json#/$defs/Thing");

      assertThat(connections).as("network connections attempted").isEmpty();
      assertThat(validator.refusedReferences())
          .anyMatch(r -> r.startsWith("https://example.com/"));
      assertThat(v.findings()).extracting(Diagnostic::rule).containsOnly(CoreRules.INTERNAL_ERROR);
      assertThat(v.findings().get(0).message()).doesNotContain("Exception").contains("please report it");
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  @Test
  void schemasCompileOnlyForTheKindsTheInputContainsAndAreReused() {
    SchemaValidator validator = new SchemaValidator("default");
    String dr = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: a}\nspec: {host: a}\n";
    for (YDocument d : docs(dr + "---\n" + dr + "---\n" + dr.replace("networking.istio.io/v1", "networking.istio.io/v1alpha3"))) {
      assertThat(validator.validate(d).findings()).isEmpty();
    }
    assertThat(validator.quickSchemas()).as("v1 and v1alpha3 share one schema").isEqualTo(1);
    assertThat(validator.compiledSchemas()).as("valid documents never need the full validator").isZero();
    validator.validate(docs("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n").get(0));
    assertThat(validator.quickSchemas()).isEqualTo(2);
    validator.validate(docs("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n").get(0));
    assertThat(validator.quickSchemas()).isEqualTo(2);
    assertThat(validator.compiledSchemas()).isZero();
    assertThat(validator.validate(docs(dr.replace("{host: a}", "{host: a, colour: red}")).get(0)).findings())
        .extracting(Diagnostic::rule)
        .containsExactly(CoreRules.SCHEMA_UNKNOWN_FIELD);
    assertThat(validator.compiledSchemas()).as("a document with an error compiles the full schema of its kind").isEqualTo(1);
  }

  @Test
  void oneValidatorServesManyThreadsWithTheSameResults() throws Exception {
    SchemaValidator validator = new SchemaValidator("default");
    YDocument doc =
        docs(
                "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: a}\n"
                    + "spec:\n  host: a\n  trafficPolicy:\n    tls: {mode: ISTIO_MUTAL}\n")
            .get(0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Diagnostic>>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> validator.validate(doc).findings()));
      }
      for (Future<List<Diagnostic>> f : futures) {
        assertThat(f.get()).extracting(Diagnostic::ruleId).containsExactly("SCHEMA003");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void strangeShapesGiveFindingsNeverInternalErrors() {
    SchemaValidator validator = new SchemaValidator("default");
    String[] specs = {
      "kind: DestinationRule\nspec: 5",
      "kind: DestinationRule\nspec: [1, 2]",
      "kind: DestinationRule\nmetadata: []\nspec: {host: [a], subsets: {a: b}, exportTo: '.'}",
      "kind: DestinationRule\nspec: {host: a, subsets: [1, {name: 2}, {name: [x]}], trafficPolicy: {portLevelSettings: {}}}",
      "kind: VirtualService\nspec: {hosts: [1, {a: b}], http: [1, {route: 5}, {match: [{uri: 5, headers: [1]}]}]}",
      "kind: VirtualService\nspec: {http: [{route: [{destination: {host: a}, weight: x}, {weight: 1.5}]}]}",
      "kind: Gateway\nspec: {servers: [5, {port: 5, hosts: 5, tls: 5}, {port: {number: x, name: [1]}}]}",
      "kind: ServiceEntry\nspec: {hosts: 5, ports: [{number: []}], endpoints: 5, addresses: [5]}",
      "kind: Sidecar\nspec: {egress: [{hosts: [5, '/']}, 5]}",
      "kind: PeerAuthentication\nspec: {portLevelMtls: [1], selector: {matchLabels: []}}",
      "kind: AuthorizationPolicy\nspec: {rules: [{from: 5, to: [5], when: [{key: 5}]}], action: [x]}",
      "kind: RequestAuthentication\nspec: {jwtRules: [{jwksUri: 5}, 5]}",
    };
    for (String spec : specs) {
      String api = spec.contains("Authentication") || spec.contains("Authorization") ? "security.istio.io/v1" : "networking.istio.io/v1";
      YDocument d = docs("apiVersion: " + api + "\n" + spec + "\n").get(0);
      assertThat(validator.validate(d).findings())
          .as(spec)
          .isNotEmpty()
          .noneMatch(f -> f.rule().equals(CoreRules.INTERNAL_ERROR));
    }
  }

  @Test
  void documentsThatAreNotResourcesAreLeftToTheDecoder() {
    SchemaValidator validator = new SchemaValidator("default");
    for (YDocument d : docs("- a\n- b\n---\nkind: DestinationRule\nspec: {}\n---\nplain text\n")) {
      assertThat(validator.validate(d).findings()).isEmpty();
    }
  }

  @Test
  void findingsNameTheResourceTheyBelongTo() {
    SchemaValidator validator = new SchemaValidator("fallback");
    Diagnostic d =
        validator
            .validate(
                docs("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec: {servrs: []}\n")
                    .get(0))
            .findings()
            .get(0);
    assertThat(d.resource()).isPresent();
    assertThat(d.resource().get().toString()).isEqualTo("Gateway fallback/gw");
    assertThat(d.span().startLine()).isEqualTo(4);
    assertThat(d.span().startColumn()).isEqualTo(8);
    assertThat(d.message()).contains("did you mean `servers`?");
  }
}
