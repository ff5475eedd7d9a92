package dev.istiolint.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of small manifests: whatever the bytes, the loader returns (never throws), every span is
 * inside the file, and every message is one printable line. A cheap stand-in for the fuzzing of issue 9.
 */
class YamlLoaderMutationTest {

  private static final List<String> SEEDS =
      List.of(
          "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  ports:\n  - port: 80\n",
          "a: &a {x: [1, 2]}\nb:\n  <<: *a\n  y: \"q\\tz\"\n---\nc: |\n  text\n  ---\nd: 'e'\n",
          "{\"kind\": \"List\", \"apiVersion\": \"v1\", \"items\": [{\"kind\": \"A\"}, {\"kind\": \"B\"}]}\n",
          "%YAML 1.2\n--- !!map\n? k\n: v\n... \n--- >\n folded\n text\n",
          "\uFEFFa: 1\r---\r\uFEFFb: [1,\r 2]\rc: {d: e}\r",
          "k: |\n  ---\n  x\n---\nj: &b {a: [x]}\nl: *b\n---\n- - - [a, {b: c}]\n",
          "apiVersion: v1\r\nkind: List\r\nitems:\r\n- kind: A\r\n  metadata: {name: \"\u00e9\\u00e9\"}\r\n");

  private static final byte[] ALPHABET = "-:{}[],&*!|>'\"#%@`?\t\r\n \u0000\u00ff\u00fe\u00c3\u00a9\u00ef\u00bb\u00bf<<~.\\x".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void neverThrowsOnMutatedInputAndKeepsSpansInsideTheFile() {
    Random random = new Random(20261125L);
    YamlLoader loader = new YamlLoader();
    for (int round = 0; round < Integer.getInteger("istiolint.mutationRounds", 4000); round++) {
      byte[] seed = SEEDS.get(round % SEEDS.size()).getBytes(StandardCharsets.UTF_8);
      byte[] input = mutate(seed, random);
      LoadedFile f = loader.load("m.yaml", input);
      int lines = countLines(input) + 1;
      for (Diagnostic d : f.problems()) {
        assertThat(d.rule()).as("round %d: %s", round, d).isNotEqualTo(CoreRules.INTERNAL_ERROR);
        assertThat(d.span().startLine()).as("round %d: %s", round, d).isBetween(1, lines);
        assertThat(d.message()).as("round %d", round).doesNotContain("\n").doesNotContain("Exception");
        assertThat(d.message().codePoints().noneMatch(c -> c < 0x20 && c != '\t')).isTrue();
      }
      for (YDocument doc : f.documents()) {
        checkSpans(doc.root(), lines, round);
      }
    }
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(b.length + 1);
      switch (random.nextInt(3)) {
        case 0 -> { // insert
          byte[] n = new byte[b.length + 1];
          System.arraycopy(b, 0, n, 0, at);
          n[at] = ALPHABET[random.nextInt(ALPHABET.length)];
          System.arraycopy(b, at, n, at + 1, b.length - at);
          b = n;
        }
        case 1 -> { // delete
          if (at < b.length) {
            byte[] n = new byte[b.length - 1];
            System.arraycopy(b, 0, n, 0, at);
            System.arraycopy(b, at + 1, n, at, b.length - at - 1);
            b = n;
          }
        }
        default -> { // replace
          if (at < b.length) {
            b[at] = ALPHABET[random.nextInt(ALPHABET.length)];
          }
        }
      }
    }
    return b;
  }

  private static int countLines(byte[] b) {
    int n = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n' || (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n'))) {
        n++;
      }
    }
    return n;
  }

  private static void checkSpans(YNode root, int lines, int round) {
    Deque<YNode> todo = new ArrayDeque<>();
    todo.push(root);
    int seen = 0;
    while (!todo.isEmpty() && seen++ < 10_000) {
      YNode n = todo.pop();
      assertThat(n.span().endLine()).as("round %d", round).isBetween(1, lines);
      if (n instanceof YMap m) {
        m.entries().forEach(e -> {
          todo.push(e.key());
          todo.push(e.value());
        });
      } else if (n instanceof YSeq s) {
        s.items().forEach(todo::push);
      }
    }
  }
}
