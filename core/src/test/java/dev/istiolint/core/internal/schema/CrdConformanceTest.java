package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares our schemas with Istio's own CRDs ({@code ../shared/reference/istio/crds/crd-all.gen.yaml}): for every
 * kind and served version, every property path the CRD declares must be accepted by our schema with the same enum
 * values, and our schema must not declare fields the CRD lacks. Skipped when the reference corpus is absent.
 */
class CrdConformanceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Map<String, JsonNode> documents = new HashMap<>();

  @Test
  void everyCrdFieldAndEnumOfEveryIstioKindAndVersionIsAcceptedByOurSchemas() throws IOException {
    Optional<Path> reference = TestData.reference();
    assumeTrue(reference.isPresent(), "no ../shared/reference on this machine");
    Path crdFile = reference.get().resolve("istio/crds/crd-all.gen.yaml");
    assumeTrue(Files.exists(crdFile), "no CRD file in the reference corpus");

    List<String> problems = new ArrayList<>();
    int kinds = 0;
    int paths = 0;
    Load load = new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build());
    for (Object o : load.loadAllFromString(Files.readString(crdFile))) {
      if (!(o instanceof Map<?, ?> crd)) {
        continue;
      }
      Map<?, ?> spec = (Map<?, ?>) crd.get("spec");
      String group = (String) spec.get("group");
      String kind = (String) ((Map<?, ?>) spec.get("names")).get("kind");
      for (Object vo : (List<?>) spec.get("versions")) {
        Map<?, ?> version = (Map<?, ?>) vo;
        if (!Boolean.TRUE.equals(version.get("served"))) {
          continue;
        }
        String apiVersion = group + "/" + version.get("name");
        Optional<String> location = SchemaCatalog.schemaFor(apiVersion, kind);
        if (location.isEmpty()) {
          problems.add(apiVersion + " " + kind + ": no schema");
          continue;
        }
        kinds++;
        Map<?, ?> crdSchema = (Map<?, ?>) ((Map<?, ?>) version.get("schema")).get("openAPIV3Schema");
        Map<String, Map<?, ?>> crdPaths = new LinkedHashMap<>();
        collect(crdSchema, "", crdPaths);
        Map<String, JsonNode> ourPaths = new LinkedHashMap<>();
        collectOurs(resolveLocation(location.get()), "", ourPaths, 0);
        for (Map.Entry<String, Map<?, ?>> e : crdPaths.entrySet()) {
          String path = e.getKey();
          if (!path.startsWith("spec")) {
            continue; // status is written by the cluster, apiVersion and kind are checked by the catalogue
          }
          paths++;
          Optional<JsonNode> ours = lookup(ourPaths, path);
          if (ours.isEmpty()) {
            problems.add(apiVersion + " " + kind + ": we reject " + path);
            continue;
          }
          String crdType = String.valueOf(e.getValue().get("type"));
          String ourType = typeOf(ours.get());
          if (!ourType.isEmpty() && !crdType.equals("null") && !ourType.equals(crdType)) {
            problems.add(apiVersion + " " + kind + ": " + path + " is " + ourType + ", the CRD says " + crdType);
          }
          if (e.getValue().get("required") instanceof List<?> required) {
            Set<String> mine = new TreeSet<>();
            ours.get().path("required").forEach(r -> mine.add(r.asString()));
            for (Object r : required) {
              if (!mine.contains(String.valueOf(r))) {
                problems.add(apiVersion + " " + kind + ": " + path + " does not require " + r + " as the CRD does");
              }
            }
          }
          Object crdEnum = e.getValue().get("enum");
          if (crdEnum instanceof List<?> values) {
            Set<String> theirs = new TreeSet<>();
            values.forEach(v -> theirs.add(String.valueOf(v)));
            Set<String> mine = new TreeSet<>();
            JsonNode en = ours.get().path("enum");
            en.forEach(v -> mine.add(v.asString()));
            if (!theirs.equals(mine)) {
              problems.add(apiVersion + " " + kind + ": enum of " + path + " is " + mine + ", the CRD says " + theirs);
            }
          }
        }
        for (String path : ourPaths.keySet()) {
          if (path.startsWith("spec") && !crdPaths.containsKey(path)) {
            problems.add(apiVersion + " " + kind + ": we declare " + path + ", the CRD does not");
          }
        }
      }
    }
    assertThat(problems).as("conformance problems").isEmpty();
    assertThat(kinds).as("kind/version pairs checked").isGreaterThanOrEqualTo(30);
    assertThat(paths).as("property paths checked").isGreaterThan(1000);
  }

  /** The JSON type our schema gives a node: its {@code type}, string for a string enum, empty when open. */
  private static String typeOf(JsonNode n) {
    JsonNode t = n.path("type");
    if (t.isString()) {
      return t.asString();
    }
    if (n.path("enum").isArray() && n.get("enum").size() > 0 && n.get("enum").get(0).isString()) {
      return "string";
    }
    return "";
  }

  /** Every property path of a CRD schema: {@code spec.subsets[].name}, {@code spec.selector{}} for map values. */
  private static void collect(Map<?, ?> schema, String path, Map<String, Map<?, ?>> out) {
    if (!path.isEmpty()) {
      out.put(path, schema);
    }
    if (schema.get("properties") instanceof Map<?, ?> props) {
      for (Map.Entry<?, ?> p : props.entrySet()) {
        collect((Map<?, ?>) p.getValue(), join(path, (String) p.getKey()), out);
      }
    }
    if (schema.get("items") instanceof Map<?, ?> items) {
      collect(items, path + "[]", out);
    }
    if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
      collect(values, path + "{}", out);
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Our schema flattened the same way; open schemas (no properties, items or values) accept anything below. */
  private void collectOurs(Resolved s, String path, Map<String, JsonNode> out, int depth) {
    if (depth > 40) {
      return;
    }
    if (!path.isEmpty()) {
      out.put(path, s.merged());
    }
    for (Map.Entry<String, Resolved> p : s.properties().entrySet()) {
      collectOurs(p.getValue(), join(path, p.getKey()), out, depth + 1);
    }
    s.items().ifPresent(i -> collectOurs(i, path + "[]", out, depth + 1));
    s.values().ifPresent(v -> collectOurs(v, path + "{}", out, depth + 1));
  }

  private static Optional<JsonNode> lookup(Map<String, JsonNode> ours, String path) {
    if (ours.containsKey(path)) {
      return Optional.of(ours.get(path));
    }
    for (String prefix = parentPath(path); prefix != null; prefix = parentPath(prefix)) {
      JsonNode n = ours.get(prefix);
      if (n != null) {
        return isOpen(n) ? Optional.of(JSON.createObjectNode()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String parentPath(String path) {
    int i = Math.max(path.lastIndexOf('.'), Math.max(path.lastIndexOf('['), path.lastIndexOf('{')));
    return i <= 0 ? null : path.substring(0, i);
  }

  private static boolean isOpen(JsonNode n) {
    return n.isBoolean()
        || (!n.has("properties") && !n.has("items") && !n.path("additionalProperties").isObject()
            && !n.path("additionalProperties").isBoolean());
  }

  /** A schema with its $ref chain merged: properties, items and map values, each resolved. */
  private record Resolved(
      JsonNode merged, Map<String, Resolved> properties, Optional<Resolved> items, Optional<Resolved> values) {}

  private Resolved resolveLocation(String location) {
    int hash = location.indexOf('#');
    String iri = location.substring(0, hash);
    return resolve(iri, document(iri).at(location.substring(hash + 1)), 0);
  }

  /**
   * Resolves a schema node: its properties, items and map values merged with those of its {@code $ref} target.
   * {@code merged} is the node that carries the enum or type (the node itself, else its target).
   */
  private Resolved resolve(String iri, JsonNode node, int depth) {
    Map<String, Resolved> props = new LinkedHashMap<>();
    Optional<Resolved> items = Optional.empty();
    Optional<Resolved> values = Optional.empty();
    JsonNode merged = node;
    if (depth > 60 || !node.isObject()) {
      return new Resolved(node, props, items, values);
    }
    if (node.has("$ref")) {
      String ref = node.get("$ref").asString();
      String target = ref.startsWith("#") ? iri : SchemaCatalog.BASE + ref.substring(0, ref.indexOf('#'));
      Resolved r = resolve(target, document(target).at(ref.substring(ref.indexOf('#') + 1)), depth + 1);
      props.putAll(r.properties());
      items = r.items();
      values = r.values();
      if (r.merged().isObject()) {
        tools.jackson.databind.node.ObjectNode overlay = ((tools.jackson.databind.node.ObjectNode) r.merged()).deepCopy();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (!e.getKey().equals("$ref")) {
            overlay.set(e.getKey(), e.getValue());
          }
        }
        merged = overlay;
      }
    }
    if (node.path("properties").isObject()) {
      for (Map.Entry<String, JsonNode> e : node.get("properties").properties()) {
        props.put(e.getKey(), resolve(iri, e.getValue(), depth + 1));
      }
    }
    if (node.path("items").isObject()) {
      items = Optional.of(resolve(iri, node.get("items"), depth + 1));
    }
    if (node.path("additionalProperties").isObject()) {
      values = Optional.of(resolve(iri, node.get("additionalProperties"), depth + 1));
    }
    if (!props.isEmpty() && !merged.has("properties")) {
      merged = JSON.createObjectNode().put("type", "object").set("properties", JSON.createObjectNode());
    }
    return new Resolved(merged, props, items, values);
  }

  private JsonNode document(String iri) {
    return documents.computeIfAbsent(
        iri,
        k -> {
          String resource = "schemas/" + k.substring(SchemaCatalog.BASE.length());
          try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
