package dev.istiolint.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

  private final YamlLoader loader = new YamlLoader();

  private LoadedFile load(String text) {
    return loader.load("f.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static YMap map(YDocument doc) {
    return (YMap) doc.root();
  }

  private static YNode at(YNode node, String... path) {
    YNode n = node;
    for (String p : path) {
      if (n instanceof YSeq seq) {
        n = seq.items().get(Integer.parseInt(p));
      } else {
        n = ((YMap) n).get(p).orElseThrow(() -> new AssertionError("no key " + p));
      }
    }
    return n;
  }

  private static String value(YNode node, String... path) {
    return ((YScalar) at(node, path)).value();
  }

  private static List<String> findings(LoadedFile f) {
    return f.problems().stream().map(d -> d.ruleId() + "@" + d.span().startLine()).toList();
  }

  private static Diagnostic only(LoadedFile f, RuleMeta rule) {
    assertThat(f.problems()).as(f.problems().toString()).hasSize(1);
    Diagnostic d = f.problems().get(0);
    assertThat(d.rule()).isEqualTo(rule);
    return d;
  }

  @Test
  void givesEveryNodeOneBasedLinesAndColumns() {
    LoadedFile f = load("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web}\n");
    assertThat(f.problems()).isEmpty();
    YNode root = f.documents().get(0).root();
    assertThat(root.span()).isEqualTo(new SourceSpan("f.yaml", 1, 1, 6, 1));
    assertThat(at(root, "metadata", "name").span()).isEqualTo(new SourceSpan("f.yaml", 4, 9, 4, 12));
    assertThat(at(root, "metadata", "labels", "app").span().start()).isEqualTo(SourceSpan.at("f.yaml", 5, 17));
    YScalar key = ((YMap) at(root, "metadata")).entry("name").orElseThrow().key();
    assertThat(key.span().start()).isEqualTo(SourceSpan.at("f.yaml", 4, 3));
  }

  @Test
  void countsColumnsInCodePoints() {
    LoadedFile f = load("a: \"\uD83D\uDE00\uD83D\uDE00\"\nb: x\nc: \uD83D\uDE00 y\n");
    YNode root = f.documents().get(0).root();
    assertThat(at(root, "c").span()).isEqualTo(new SourceSpan("f.yaml", 3, 4, 3, 7));
  }

  @Test
  void readsLaterDocumentsAfterABrokenMiddleDocument() {
    String text =
        "apiVersion: v1\nkind: A\nmetadata: {name: one}\n"
            + "---\n"
            + "apiVersion: v1\nkind: B\nmetadata: [unclosed\n  name: two\n"
            + "--- # the third\n"
            + "apiVersion: v1\nkind: C\nmetadata:\n  name: three\n";
    LoadedFile f = load(text);
    assertThat(findings(f)).containsExactly("YAML002@8");
    assertThat(f.problems().get(0).span().startColumn()).isEqualTo(7);
    assertThat(f.problems().get(0).message()).contains("line 7");
    assertThat(f.documents()).hasSize(2);
    assertThat(value(f.documents().get(0).root(), "kind")).isEqualTo("A");
    assertThat(value(f.documents().get(1).root(), "kind")).isEqualTo("C");
    assertThat(at(f.documents().get(1).root(), "metadata", "name").span().startLine()).isEqualTo(13);
  }

  @Test
  void resumesAfterAnIndentationErrorInTheMiddleDocument() {
    String text =
        "kind: A\n---\nkind: B\n  bad: indent\nmore: x\n---\nkind: C\nspec:\n  x: 1\n---\n\tkind: D\n---\nkind: E\n";
    LoadedFile f = load(text);
    assertThat(findings(f)).containsExactly("YAML002@4", "YAML002@11");
    assertThat(f.documents()).extracting(d -> value(d.root(), "kind")).containsExactly("A", "C", "E");
    assertThat(at(f.documents().get(2).root(), "kind").span().startLine()).isEqualTo(13);
  }

  @Test
  void expandsListKindsIntoOneDocumentPerItemWithPositions() {
    String text =
        "apiVersion: v1\nkind: List\nitems:\n"
            + "- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n"
            + "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n"
            + "---\napiVersion: networking.istio.io/v1\nkind: DestinationRuleList\nitems:\n- kind: DestinationRule\n"
            + "---\napiVersion: v1\nkind: List\nitems: []\n";
    LoadedFile f = load(text);
    assertThat(f.problems()).isEmpty();
    assertThat(f.documents()).extracting(YDocument::index).containsExactly(0, 1, 2);
    assertThat(f.documents().get(0).span().startLine()).isEqualTo(4);
    assertThat(at(f.documents().get(1).root(), "metadata", "name").span().start())
        .isEqualTo(SourceSpan.at("f.yaml", 10, 11));
    assertThat(value(f.documents().get(2).root(), "kind")).isEqualTo("DestinationRule");
    assertThat(f.documents().get(2).span().startLine()).isEqualTo(15);
  }

  @Test
  void readsJsonWithPositions() {
    String json = "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Service\",\n\t\"metadata\": {\n\t\t\"name\": \"web\"\n\t},\n"
        + "\t\"ports\": [80, 443]\n}\n";
    LoadedFile f = loader.load("svc.json", json.getBytes(StandardCharsets.UTF_8));
    assertThat(f.problems()).isEmpty();
    YNode root = f.documents().get(0).root();
    assertThat(at(root, "metadata", "name").span().start()).isEqualTo(SourceSpan.at("svc.json", 5, 11));
    assertThat(at(root, "ports", "1").span().start()).isEqualTo(SourceSpan.at("svc.json", 7, 16));
    assertThat(((YScalar) at(root, "kind")).plain()).isFalse();
  }

  @Test
  void countsCrLfAndLoneCrLineEnds() {
    for (String eol : List.of("\r\n", "\r")) {
      String text = String.join(eol, "a: 1", "b:", "  c: 2", "---", "d: 3", "e: [", "---", "f: |", "  x", "g: 7", "");
      LoadedFile f = load(text);
      assertThat(at(f.documents().get(0).root(), "b", "c").span().start()).isEqualTo(SourceSpan.at("f.yaml", 3, 6));
      assertThat(findings(f)).as(eol.length() + " chars").containsExactly("YAML002@7");
      assertThat(at(f.documents().get(0).root(), "a").span().startLine()).isEqualTo(1);
      assertThat(at(f.documents().get(1).root(), "g").span().start()).isEqualTo(SourceSpan.at("f.yaml", 10, 4));
      assertThat(value(f.documents().get(1).root(), "f")).isEqualTo("x\n");
    }
  }

  @Test
  void resumesAfterADocumentEndMarkerWithCrLfAtTheRightLine() {
    LoadedFile f = load("a: !!bad x\r\n... \r\nb: >\r\n folded\r\n");
    assertThat(findings(f)).containsExactly("YAML007@1");
    assertThat(at(f.documents().get(0).root(), "b").span().start()).isEqualTo(SourceSpan.at("f.yaml", 3, 4));
  }

  @Test
  void stripsByteOrderMarksAtTheStartAndAtLaterDocuments() {
    String text = "\uFEFFa: 1\n---\n\uFEFFkind: B\n---\n\uFEFF---\nkind: C\n";
    LoadedFile f = load(text);
    assertThat(f.problems()).isEmpty();
    assertThat(f.documents()).hasSize(3);
    assertThat(map(f.documents().get(0)).entries().get(0).key().value()).isEqualTo("a");
    assertThat(map(f.documents().get(1)).entries().get(0).key().value()).isEqualTo("kind");
    assertThat(value(f.documents().get(2).root(), "kind")).isEqualTo("C");
    assertThat(f.documents().get(2).span().startLine()).isEqualTo(6);
  }

  @Test
  void reportsDuplicateKeysWithBothLinesAndKeepsTheFirstValue() {
    LoadedFile f = load("metadata:\n  name: first\n  labels: {}\n  name: second\n");
    Diagnostic d = only(f, CoreRules.DUPLICATE_KEY);
    assertThat(d.span().startLine()).isEqualTo(4);
    assertThat(d.span().startColumn()).isEqualTo(3);
    assertThat(d.related()).hasSize(1);
    assertThat(d.related().get(0).span().startLine()).isEqualTo(2);
    assertThat(d.message()).contains("\"name\"").contains("line 2");
    assertThat(value(f.documents().get(0).root(), "metadata", "name")).isEqualTo("first");
    assertThat(((YMap) at(f.documents().get(0).root(), "metadata")).entries()).hasSize(2);
  }

  @Test
  void findsDuplicateKeysInSmallAndLargeMappingsAlike() {
    // small mappings are scanned, large ones hashed: a duplicate of any earlier key is found on both sides of the switch
    for (int size = 1; size <= 20; size++) {
      for (int dup = 0; dup < size; dup++) {
        StringBuilder yaml = new StringBuilder();
        for (int k = 0; k < size; k++) {
          yaml.append("k").append(k).append(": ").append(k).append('\n');
        }
        yaml.append("k").append(dup).append(": again\n");
        LoadedFile f = load(yaml.toString());
        Diagnostic d = only(f, CoreRules.DUPLICATE_KEY);
        assertThat(d.span().startLine()).as("%d keys, duplicate of k%d", size, dup).isEqualTo(size + 1);
        assertThat(d.related().get(0).span().startLine()).isEqualTo(dup + 1);
        assertThat(map(f.documents().get(0)).entries()).hasSize(size);
        assertThat(value(f.documents().get(0).root(), "k" + dup)).isEqualTo(String.valueOf(dup));
      }
    }
  }

  @Test
  void marksDocumentsWithScalarsThatMayNotReadAsTheirText() {
    // false is a promise (no tag, no YAML 1.1 boolean word, no infinity or NaN anywhere); true only asks for a look
    String[][] cases = {
      {"a: b\nc: [1, 2.5, \"yes\", 'no', x]\n", "false"},
      {"a: yes\n", "true"},
      {"y: 1\n", "true"},
      {"a: [1, Off]\n", "true"},
      {"a: !!str 80\n", "true"},
      {"a: ! yes\n", "false"},
      {"a: .inf\n", "true"},
      {"a: -.NaN\n", "true"},
      {"a: +.INF\n", "true"},
      {"a: 1.20\nb: .info\nc: yesterday\n", "false"},
      {"a: &x {b: c}\nd:\n  <<: *x\n", "false"},
      {"a: &x n\nb: *x\n", "true"},
    };
    for (String[] c : cases) {
      List<YDocument> docs = load(c[0]).documents();
      assertThat(docs).as(c[0]).hasSize(1);
      assertThat(docs.get(0).suspectScalars()).as(c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
    }
    LoadedFile two = load("a: 'on'\n---\nb: on\n---\nc: d\n");
    assertThat(two.documents()).extracting(YDocument::suspectScalars).containsExactly(false, true, false);
  }

  @Test
  void listsAtMostAHundredDuplicateKeysPerFile() {
    LoadedFile f = load("data:\n" + "  k: v\n".repeat(1000) + "---\ndata:\n  k: 1\n  k: 2\n");
    assertThat(f.problems()).hasSize(100);
    assertThat(f.problems().get(0).span().startLine()).isEqualTo(3);
    assertThat(f.problems().get(99).message()).contains("not listed");
  }

  @Test
  void reportsDuplicateKeysInJson() {
    LoadedFile f = load("{\"a\": 1,\n \"a\": 2}");
    assertThat(findings(f)).containsExactly("YAML001@2");
  }

  @Test
  void reportsTabIndentationAtItsLine() {
    LoadedFile f = load("apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n");
    Diagnostic d = only(f, CoreRules.SYNTAX_ERROR);
    assertThat(d.span().startLine()).isEqualTo(4);
    assertThat(d.message()).contains("TAB").doesNotContain("Exception").doesNotContain("\n");
    assertThat(f.documents()).isEmpty();
  }

  @Test
  void acceptsTabsInsideFlowCollectionsAndAfterValues() {
    LoadedFile f = load("a: [1,\t2]\nb: x\t\n");
    assertThat(f.problems()).isEmpty();
    assertThat(value(f.documents().get(0).root(), "b")).isEqualTo("x");
  }

  @Test
  void refusesOneHundredThousandLevelsOfBlockNestingWithoutOverflow() {
    String text = "a: 1\n---\n" + "- ".repeat(100_000) + "x\n---\nb: 2\n";
    long start = System.nanoTime();
    LoadedFile f = load(text);
    assertThat(elapsedMillis(start)).isLessThan(2000);
    assertThat(findings(f)).containsExactly("YAML004@3");
    assertThat(f.documents()).hasSize(2);
    assertThat(f.documents().get(1).span().startLine()).isEqualTo(5);
  }

  @Test
  void refusesOneHundredThousandLevelsOfFlowNestingWithoutOverflow() {
    String text = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n---\n" + "{a: ".repeat(100_000) + "\n";
    long start = System.nanoTime();
    LoadedFile f = load(text);
    assertThat(elapsedMillis(start)).isLessThan(2000);
    assertThat(findings(f)).containsExactly("YAML004@1", "YAML004@3");
    assertThat(f.problems().get(0).span().startColumn()).isEqualTo(103);
    assertThat(f.documents()).isEmpty();
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    String text = "[".repeat(100) + "]".repeat(100);
    assertThat(load(text).problems()).isEmpty();
    assertThat(findings(load("[" + text + "]"))).containsExactly("YAML004@1");
  }

  @Test
  void stopsBillionLaughsQuickly() {
    StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        b.append(i == 0 ? "" : ",").append('*').append(p);
      }
      b.append("]\n");
    }
    b.append("---\nkind: After\n");
    long start = System.nanoTime();
    LoadedFile f = load(b.toString());
    assertThat(elapsedMillis(start)).isLessThan(1000);
    Diagnostic d = f.problems().get(0);
    assertThat(findings(f)).containsExactly("YAML005@" + d.span().startLine());
    assertThat(d.span().startLine()).isBetween(5, 10);
    assertThat(d.message()).contains("alias");
    assertThat(f.documents()).extracting(doc -> value(doc.root(), "kind")).containsExactly("After");
  }

  @Test
  void stopsA48AliasFanOut() {
    // each level holds two aliases to the level before: 2^24 nodes from 48 aliases
    StringBuilder b = new StringBuilder("l0: &l0 [x, y]\n");
    for (int i = 1; i <= 24; i++) {
      b.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1);
      b.append("]\n");
    }
    long start = System.nanoTime();
    LoadedFile f = load(b.toString());
    assertThat(elapsedMillis(start)).isLessThan(1000);
    Diagnostic d = only(f, CoreRules.ALIAS_LIMIT);
    assertThat(d.span().startLine()).isBetween(10, 25);
    assertThat(f.documents()).isEmpty();
  }

  @Test
  void countsScalarAliasesInTheBudget() {
    String big = "x".repeat(1_000_000);
    StringBuilder b = new StringBuilder("a: &a " + big + "\nlist:\n");
    for (int i = 0; i < 100; i++) {
      b.append("- *a\n");
    }
    LoadedFile f = load(b.toString());
    Diagnostic d = only(f, CoreRules.ALIAS_LIMIT);
    assertThat(d.span().startLine()).isEqualTo(3 + 8);
    assertThat(d.message()).contains("characters");

    StringBuilder many = new StringBuilder("a: &a x\nlist: [");
    for (int i = 0; i < 20_000; i++) {
      many.append(i == 0 ? "" : ",").append("*a");
    }
    many.append("]\n");
    assertThat(findings(load(many.toString()))).containsExactly("YAML005@2");
  }

  @Test
  void rejectsRecursiveAndUnknownAliases() {
    assertThat(findings(load("a: &a\n  b: *a\n"))).containsExactly("YAML005@2");
    assertThat(findings(load("a: &a [1, *a]\n"))).containsExactly("YAML005@1");
    assertThat(findings(load("x: 1\ny: *nope\n"))).containsExactly("YAML002@2");
  }

  @Test
  void resolvesAliasesToTheSameNodeWithItsDefinitionSpan() {
    LoadedFile f = load("base: &b {port: 80}\nuse: *b\n");
    YNode root = f.documents().get(0).root();
    assertThat(at(root, "use")).isSameAs(at(root, "base"));
    assertThat(at(root, "use").span().startLine()).isEqualTo(1);
  }

  @Test
  void reportsInvalidUtf8AtItsLine() {
    byte[] bytes = "a: 1\nb: 2\nc: x\u00e9y\nd: 4\n".getBytes(StandardCharsets.UTF_8);
    bytes[15] = (byte) 0xC3; // the é is C3 A9 at offsets 15..16 (line 3); break its continuation byte
    bytes[16] = (byte) 0x28;
    LoadedFile f = loader.load("f.yaml", bytes);
    Diagnostic d = only(f, CoreRules.INVALID_ENCODING);
    assertThat(d.span()).isEqualTo(SourceSpan.at("f.yaml", 3, 5));
    assertThat(d.message()).contains("0xC3");
    assertThat(value(f.documents().get(0).root(), "d")).isEqualTo("4");
  }

  @Test
  void reportsNulAndControlCharactersAtTheirLines() {
    LoadedFile f = load("a: 1\nb: x\u0000y\r\nc: \u0007\nd: 4\n");
    assertThat(findings(f)).containsExactly("YAML006@2", "YAML006@3");
    assertThat(f.problems().get(0).message()).contains("NUL");
    assertThat(value(f.documents().get(0).root(), "d")).isEqualTo("4");
  }

  @Test
  void decodesUtf16AndUtf32WithByteOrderMarks() {
    String text = "kind: Service\nmetadata:\n  name: caf\u00e9\n";
    for (String cs : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
      byte[] bom = "\uFEFF".getBytes(java.nio.charset.Charset.forName(cs));
      byte[] body = text.getBytes(java.nio.charset.Charset.forName(cs));
      byte[] all = new byte[bom.length + body.length];
      System.arraycopy(bom, 0, all, 0, bom.length);
      System.arraycopy(body, 0, all, bom.length, body.length);
      LoadedFile f = loader.load("f.yaml", all);
      assertThat(f.problems()).as(cs).isEmpty();
      assertThat(value(f.documents().get(0).root(), "metadata", "name")).isEqualTo("caf\u00e9");
      assertThat(at(f.documents().get(0).root(), "metadata", "name").span().startLine()).isEqualTo(3);
    }
  }

  @Test
  void refusesUtf16WithoutByteOrderMarkWithAClearMessage() {
    LoadedFile f = loader.load("f.yaml", "kind: Service\n".getBytes(StandardCharsets.UTF_16LE));
    Diagnostic d = only(f, CoreRules.INVALID_ENCODING);
    assertThat(d.span().startLine()).isEqualTo(1);
    assertThat(d.message()).contains("UTF-16LE").contains("UTF-8");
    assertThat(f.documents()).isEmpty();
  }

  @Test
  void findsTheResourceAfterTenThousandEmptyDocumentsAtItsExactLine() {
    String text = "---\n".repeat(10_000) + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: last\n";
    LoadedFile f = load(text);
    assertThat(f.problems()).isEmpty();
    assertThat(f.documents()).hasSize(1);
    assertThat(f.documents().get(0).span().startLine()).isEqualTo(10_001);
    assertThat(at(f.documents().get(0).root(), "metadata", "name").span().start())
        .isEqualTo(SourceSpan.at("f.yaml", 10_004, 9));
  }

  @Test
  void skipsEmptyAndCommentOnlyDocumentsAndToleratesHelmSourceHeaders() {
    String text =
        "---\n# Source: chart/templates/svc.yaml\n---\n# only a comment\n--- # a comment on the separator\n"
            + "# Source: chart/templates/dr.yaml\nkind: DestinationRule\n--- !!map\nkind: Other\n...\n";
    LoadedFile f = load(text);
    assertThat(f.problems()).isEmpty();
    assertThat(f.documents()).extracting(d -> value(d.root(), "kind")).containsExactly("DestinationRule", "Other");
    assertThat(f.documents()).extracting(YDocument::index).containsExactly(0, 1);
  }

  @Test
  void rejectsJavaAndUnknownTagsWithoutConstructingAnything() {
    String text =
        "a: !!java.lang.Runtime {}\n---\nb: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"
            + "---\nc: !custom x\n---\nd: !!str 80\ne: !!binary aGk=\nf: ! 12\n";
    LoadedFile f = load(text);
    assertThat(findings(f)).containsExactly("YAML007@1", "YAML007@3", "YAML007@5");
    assertThat(f.problems().get(0).message()).contains("!!java.lang.Runtime").doesNotContain("tag:yaml.org");
    assertThat(f.documents()).hasSize(1);
    YScalar d = (YScalar) at(f.documents().get(0).root(), "d");
    assertThat(d.value()).isEqualTo("80");
    assertThat(d.tag()).contains("tag:yaml.org,2002:str");
    assertThat(((YScalar) at(f.documents().get(0).root(), "f")).plain()).isFalse();
  }

  @Test
  void expandsMergeKeysWithExplicitKeysWinning() {
    String text =
        "defaults: &d\n  timeout: 5s\n  retries: 3\nmore: &m\n  retries: 9\n  tls: on\n"
            + "route:\n  <<: [*d, *m]\n  timeout: 10s\n  name: r\n";
    LoadedFile f = load(text);
    assertThat(f.problems()).isEmpty();
    YMap route = (YMap) at(f.documents().get(0).root(), "route");
    assertThat(route.entries()).extracting(e -> e.key().value()).containsExactly("retries", "tls", "timeout", "name");
    assertThat(value(route, "timeout")).isEqualTo("10s");
    assertThat(value(route, "retries")).isEqualTo("3");
    assertThat(route.get("retries").orElseThrow().span().startLine()).isEqualTo(3);
    assertThat(route.get("tls").orElseThrow().span().startLine()).isEqualTo(6);
  }

  @Test
  void reportsAMergeKeyThatIsNotAMapping() {
    LoadedFile f = load("a:\n  <<: 5\n  b: 1\n");
    assertThat(findings(f)).containsExactly("YAML002@2");
    assertThat(value(f.documents().get(0).root(), "a", "b")).isEqualTo("1");
  }

  @Test
  void reportsHelmTemplatesOnceAtTheFirstTemplateLine() {
    String text =
        "# a chart\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n"
            + "  labels:\n{{ include \"labels\" . | indent 4 }}\n---\n{{- if .Values.x }}\nkind: B\n{{- end }}\n";
    LoadedFile f = load(text);
    Diagnostic d = only(f, CoreRules.TEMPLATE_NOT_YAML);
    assertThat(d.span()).isEqualTo(SourceSpan.at("f.yaml", 5, 9));
    assertThat(f.documents()).isEmpty();
  }

  @Test
  void ignoresTemplateBracesInCommentsWhenReportingSyntaxErrors() {
    LoadedFile f = load("# render with {{ helm }}\na: 1 # or {{ this }}\nb: [\n");
    assertThat(findings(f)).containsExactly("YAML002@4");
  }

  @Test
  void keepsTemplateTextInQuotedValuesAsPlainYaml() {
    LoadedFile f = load("kind: ConfigMap\ndata:\n  t: \"{{ .Values.x }}\"\n");
    assertThat(f.problems()).isEmpty();
    assertThat(f.documents()).hasSize(1);
  }

  @Test
  void turnsParserCrashesIntoFindings() {
    // snakeyaml-engine throws NumberFormatException on this escape rather than its own exception
    LoadedFile f = load("a: 1\nb: \"\\UFFFFFFFF\"\n---\nc: 3\n");
    assertThat(f.problems()).hasSize(1);
    Diagnostic d = f.problems().get(0);
    assertThat(d.rule()).isEqualTo(CoreRules.SYNTAX_ERROR);
    assertThat(d.span().startLine()).isBetween(1, 2);
    assertThat(d.message()).doesNotContain("Exception").doesNotContain("java.");
    assertThat(f.documents()).extracting(doc -> value(doc.root(), "c")).containsExactly("3");
  }

  @Test
  void reportsAnUnsupportedYamlVersion() {
    LoadedFile f = load("%YAML 2.0\n---\na: 1\n");
    assertThat(findings(f)).containsExactly("YAML002@1");
    assertThat(f.problems().get(0).message()).contains("%YAML");
  }

  @Test
  void reportsNonScalarKeys() {
    assertThat(findings(load("? [a, b]\n: c\n"))).containsExactly("YAML002@1");
  }

  @Test
  void echoesHostileTextEscapedAndCut() {
    LoadedFile f = load("metadata:\n  \"a\\e[31m\u202Ebad\": 1\n  \"a\\e[31m\u202Ebad\": 2\n");
    Diagnostic d = only(f, CoreRules.DUPLICATE_KEY);
    assertThat(d.message()).doesNotContain("\u001b").doesNotContain("\u202E").contains("\\u001B").contains("\\u202E");
    String longKey = "k".repeat(500);
    Diagnostic cut = only(load(longKey + ": 1\n" + longKey + ": 2\n"), CoreRules.DUPLICATE_KEY);
    assertThat(cut.message().length()).isLessThan(300);
  }

  @Test
  void stopsAfterTooManyBrokenDocuments() {
    String text = "a: [\n---\n".repeat(1000) + "a: 1\n";
    LoadedFile f = new YamlLoader(new LoaderLimits(100, 10, 1000, 1000, 1_000_000, 5)).load("f.yaml", text.getBytes());
    assertThat(f.problems()).hasSize(6);
    assertThat(f.problems().get(5).message()).contains("skipped");
  }

  @Test
  void handlesManyBrokenDocumentsInLinearTime() {
    String text = "a: [\n---\n".repeat(50_000) + "a: 1\n";
    long start = System.nanoTime();
    LoadedFile f = load(text);
    assertThat(elapsedMillis(start)).isLessThan(5000);
    assertThat(f.problems()).hasSize(101);
  }

  @Test
  void stopsAFileThatHoldsTooManyNodes() {
    LoaderLimits small = new LoaderLimits(100, 10, 1000, 1000, 50, 5);
    String text = "a: [" + "1,".repeat(30) + "]\n---\nb: [" + "1,".repeat(30) + "]\n---\nc: 1\n";
    LoadedFile f = new YamlLoader(small).load("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    assertThat(findings(f)).containsExactly("YAML003@3");
    assertThat(f.problems().get(0).message()).contains("50 YAML nodes");
    assertThat(f.documents()).hasSize(1);
  }

  @Test
  void readsAnEightMegabyteScalarInBoundedTime() {
    String text = "a: " + "x".repeat(8 * 1024 * 1024 - 16) + "\nb: \"" + "y".repeat(100_000) + "\"\n";
    long start = System.nanoTime();
    LoadedFile f = load(text);
    assertThat(elapsedMillis(start)).isLessThan(10_000);
    assertThat(f.problems()).isEmpty();
    assertThat(at(f.documents().get(0).root(), "b").span().startLine()).isEqualTo(2);
  }

  @Test
  void loadsFilesInParallelWithOneLoader() throws Exception {
    String text = "a: &x {b: 1}\nc: *x\nd: [1, 2]\n";
    List<LoadedFile> results =
        java.util.stream.IntStream.range(0, 200).parallel().mapToObj(i -> load(text)).toList();
    assertThat(results).allSatisfy(f -> assertThat(f.documents()).hasSize(1));
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
