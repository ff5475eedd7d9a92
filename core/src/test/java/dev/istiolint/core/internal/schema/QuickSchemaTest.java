package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.testing.TestData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shortcut may only say "valid" where the full validator finds nothing. Checked on every document of a known kind
 * in {@code testdata/} and Istio's samples, and on mutants of each: every member removed, every scalar replaced by
 * values of other types and on the edges of ranges and lengths, unknown members added to every mapping.
 */
class QuickSchemaTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Replacements tried for every scalar: other types, range and length edges, pattern breakers. */
  private static final List<JsonNode> REPLACEMENTS =
      List.of(
          F.stringNode(""),
          F.stringNode("x"),
          F.stringNode("Not_A-Name!"),
          F.stringNode("a".repeat(64)),
          F.stringNode("a".repeat(254)),
          F.stringNode("10s"),
          F.stringNode("µs"),
          F.numberNode(0),
          F.numberNode(-1),
          F.numberNode(1),
          F.numberNode(65535),
          F.numberNode(65536),
          F.numberNode(100),
          F.numberNode(101),
          F.numberNode(2147483648L),
          F.numberNode(4294967296L),
          F.numberNode(new BigInteger("99999999999999999999")),
          F.numberNode(1.0),
          F.numberNode(0.5),
          F.numberNode(100.0),
          F.numberNode(100.5),
          F.numberNode(Double.POSITIVE_INFINITY),
          F.booleanNode(true),
          F.nullNode(),
          F.objectNode(),
          F.arrayNode(),
          F.arrayNode().add("x"),
          raw("yes"),
          raw("on"),
          raw(".inf"),
          raw("-.Inf"),
          raw(".nan"),
          raw("~"),
          raw("!!str 80"),
          raw("!!int 80"),
          raw("!!null ''"),
          raw("0x1F"),
          raw("0o17"),
          raw("1e3"),
          raw("1e400"),
          raw("-1e400"),
          raw("+5"),
          raw("'80'"),
          raw("1_000"),
          raw("TRUE"),
          raw("Null"));

  /** A string starting with this is written into the YAML text as it is, unquoted. */
  private static final String RAW = "@raw@";

  private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

  private static JsonNode raw(String yaml) {
    return F.stringNode(RAW + yaml);
  }

  private final SchemaValidator validator = new SchemaValidator("default");

  @Test
  void provesValidOnlyWhatTheFullValidatorFindsValid() throws IOException {
    List<Case> cases = documents();
    assertThat(cases).hasSizeGreaterThan(300);
    int originalsValid = 0;
    int originalsProved = 0;
    int mutants = 0;
    int mutantsProved = 0;
    int mutantsInvalid = 0;
    List<String> wrong = new ArrayList<>();
    // the loader's suspectScalars flag only spares a walk over the scalars: with it, the answer is the same
    List<String> flagWrong = new ArrayList<>();
    YamlLoader loader = new YamlLoader();
    for (Case c : cases) {
      QuickSchema quick = validator.quickSchema(c.location);
      Schema full = validator.fullSchema(c.location);
      boolean valid = full.validate(TreeConverter.convert(c.root).root()).isEmpty();
      boolean proved = quick.provesValid(c.root, c.suspectScalars);
      if (proved && !valid) {
        wrong.add(c.name + " (as written)");
      }
      if (proved != quick.provesValid(c.root)) {
        flagWrong.add(c.name + " (as written)");
      }
      originalsValid += valid ? 1 : 0;
      originalsProved += proved ? 1 : 0;
      Random random = new Random(c.name.hashCode());
      List<JsonNode> variants = new ArrayList<>();
      mutants(TreeConverter.convert(c.root).root(), variants::add, random);
      for (JsonNode m : variants) {
        // written as YAML (JSON, with raw YAML scalars spliced in) and read back, as the loader would read it
        String text = JSON.writeValueAsString(m).replaceAll("\"" + RAW + "([^\"]*)\"", "$1");
        List<YDocument> docs = loader.load("mutant.yaml", text.getBytes(StandardCharsets.UTF_8)).documents();
        if (docs.size() != 1) {
          continue;
        }
        YNode root = docs.get(0).root();
        mutants++;
        boolean mValid = full.validate(TreeConverter.convert(root).root()).isEmpty();
        boolean mProved = quick.provesValid(root, docs.get(0).suspectScalars());
        if (mProved != quick.provesValid(root)) {
          flagWrong.add(c.name + ": " + text);
        }
        mutantsInvalid += mValid ? 0 : 1;
        mutantsProved += mProved ? 1 : 0;
        if (mProved && !mValid) {
          wrong.add(c.name + ": " + text);
        }
      }
    }
    assertThat(wrong).as("documents the shortcut called valid but the full validator did not").isEmpty();
    assertThat(flagWrong).as("documents whose answer changed with the loader's suspectScalars flag").isEmpty();
    // the shortcut must also be worth having: nearly every valid document is proved valid
    assertThat(originalsProved).as("valid documents proved valid, of " + originalsValid)
        .isGreaterThanOrEqualTo(originalsValid * 95 / 100);
    assertThat(mutantsInvalid).as("mutants the full validator rejects, of " + mutants).isGreaterThan(mutants / 4);
    assertThat(mutantsProved).as("mutants proved valid, of " + mutants).isGreaterThan(mutants / 10);
  }

  @Test
  void unknownKeywordsDecimalIntegersAndScalarsTheConverterFlagsAreLeftToTheFullValidator() {
    JsonNode schema =
        JSON.readTree(
            "{\"$defs\": {"
                + "\"a\": {\"type\": \"integer\", \"maximum\": 10},"
                + "\"b\": {\"type\": \"string\", \"format\": \"email\"},"
                + "\"c\": {\"type\": \"number\", \"minimum\": 0, \"maximum\": 100},"
                + "\"d\": {\"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/$defs/a\"}},"
                + " \"additionalProperties\": false, \"required\": [\"x\"]},"
                + "\"e\": {\"type\": \"object\"}}}");
    java.util.function.Function<String, JsonNode> docs = iri -> iri.equals("s") ? schema : F.missingNode();
    QuickSchema a = QuickSchema.compile("s#/$defs/a", docs);
    assertThat(a.provesValid(yaml("3"))).isTrue();
    assertThat(a.provesValid(yaml("10"))).isTrue();
    assertThat(a.provesValid(yaml("11"))).isFalse();
    assertThat(a.provesValid(yaml("3.0"))).as("an integer written as a decimal").isFalse();
    assertThat(a.provesValid(yaml("'3'"))).as("a quoted number is a string").isFalse();
    assertThat(QuickSchema.compile("s#/$defs/b", docs).provesValid(yaml("x@y"))).as("unknown keyword").isFalse();
    QuickSchema c = QuickSchema.compile("s#/$defs/c", docs);
    assertThat(c.provesValid(yaml("50.5"))).isTrue();
    assertThat(c.provesValid(yaml("100.0"))).as("a decimal on the bound").isFalse();
    assertThat(c.provesValid(yaml("100"))).isTrue();
    assertThat(c.provesValid(yaml(".inf"))).isFalse();
    QuickSchema d = QuickSchema.compile("s#/$defs/d", docs);
    assertThat(d.provesValid(yaml("{x: 1}"))).isTrue();
    assertThat(d.provesValid(yaml("{x: 1, z: ~}"))).as("a null member is dropped, as the converter drops it").isTrue();
    assertThat(d.provesValid(yaml("{x: 1, z: 2}"))).isFalse();
    assertThat(d.provesValid(yaml("{x: 1, y: ~}"))).as("the key y is a YAML 1.1 boolean").isFalse();
    assertThat(d.provesValid(yaml("{x: ~}"))).as("a required member that is null is missing").isFalse();
    QuickSchema e = QuickSchema.compile("s#/$defs/e", docs);
    assertThat(e.provesValid(yaml("{a: b}"))).isTrue();
    assertThat(e.provesValid(yaml("{a: yes}"))).as("a YAML 1.1 boolean, even where no schema looks").isFalse();
    assertThat(e.provesValid(yaml("{a: !!str b}"))).as("a tag").isFalse();
    assertThat(e.provesValid(yaml("{a: [.nan]}"))).isFalse();
    assertThat(QuickSchema.compile("s#/$defs/missing", docs).provesValid(yaml("{}"))).isFalse();
    assertThat(QuickSchema.compile("other#/$defs/a", docs).provesValid(yaml("1"))).isFalse();
  }

  private static YNode yaml(String text) {
    return new YamlLoader().load("t.yaml", text.getBytes(StandardCharsets.UTF_8)).documents().get(0).root();
  }

  /** Every mutant of {@code root}: one change each. */
  private static void mutants(JsonNode root, Consumer<JsonNode> out, Random random) {
    List<List<Object>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    for (List<Object> path : paths) {
      JsonNode at = at(root, path);
      if (!path.isEmpty()) {
        out.accept(edit(root, path, null)); // removed
      }
      if (at.isObject()) {
        out.accept(edit(root, path, ((ObjectNode) at.deepCopy()).put("unknownField", "x")));
      } else if (at.isArray()) {
        ArrayNode copy = (ArrayNode) at.deepCopy();
        copy.add(F.objectNode().put("unknownField", "x"));
        out.accept(edit(root, path, copy));
      } else if (!path.isEmpty()) {
        // every replacement would make the test slow on large documents: a seeded sample of them
        for (JsonNode r : REPLACEMENTS) {
          if (random.nextInt(4) == 0) {
            out.accept(edit(root, path, r));
          }
        }
      }
    }
  }

  private static void collect(JsonNode n, List<Object> path, List<List<Object>> out) {
    out.add(List.copyOf(path));
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        path.add(e.getKey());
        collect(e.getValue(), path, out);
        path.remove(path.size() - 1);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        path.add(i);
        collect(n.get(i), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object seg : path) {
      n = seg instanceof Integer i ? n.get(i) : n.get((String) seg);
    }
    return n;
  }

  /** A copy of {@code root} with the node at {@code path} replaced ({@code null}: removed). */
  private static JsonNode edit(JsonNode root, List<Object> path, JsonNode replacement) {
    if (path.isEmpty()) {
      return replacement;
    }
    JsonNode copy = root.deepCopy();
    JsonNode parent = at(copy, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o) {
      if (replacement == null) {
        o.remove((String) last);
      } else {
        o.set((String) last, replacement);
      }
    } else if (parent instanceof ArrayNode a) {
      if (replacement == null) {
        a.remove((int) (Integer) last);
      } else {
        a.set((int) (Integer) last, replacement);
      }
    }
    return copy;
  }

  private record Case(String name, String location, YNode root, boolean suspectScalars) {}

  /** Every document of a validated kind in testdata/ and, when present, Istio's samples. */
  private static List<Case> documents() throws IOException {
    List<Path> roots = new ArrayList<>(List.of(TestData.root()));
    TestData.reference().map(r -> r.resolve("istio")).filter(Files::isDirectory).ifPresent(roots::add);
    YamlLoader loader = new YamlLoader();
    List<Case> out = new ArrayList<>();
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
      }
      for (Path file : files) {
        String name = root.relativize(file).toString().replace('\\', '/');
        for (YDocument doc : loader.load(name, Files.readAllBytes(file)).documents()) {
          if (!(doc.root() instanceof YMap map)) {
            continue;
          }
          Optional<String> location = SchemaCatalog.schemaFor(text(map, "apiVersion"), text(map, "kind"));
          if (location.isPresent()) {
            out.add(new Case(name + "#" + doc.index(), location.get(), map, doc.suspectScalars()));
          }
        }
      }
    }
    return out;
  }

  private static String text(YMap map, String key) {
    return map.get(key).filter(YScalar.class::isInstance).map(n -> ((YScalar) n).value()).orElse("");
  }
}
