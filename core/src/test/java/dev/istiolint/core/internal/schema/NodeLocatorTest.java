package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import dev.istiolint.core.internal.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeLocatorTest {

  private static final String YAML =
      """
      base: &b {x: 1, y: 2, z: ~}
      other: &o {w: 3, x: 9}
      use:
        <<: [*b, *o]
        y: 3
      dup:
        a: ~
        a: 1
        a: 2
      odd:
        "x/y": 1
        "x~y": 2
        "": 3
        "0": 4
        "~01": 5
      list: [a, {b: 1}, [c, d], ~]
      nested: {<<: {deep: {<<: *b}}}
      empty: {}
      """;

  private static YNode root() {
    return new YamlLoader().load("t.yaml", YAML.getBytes(StandardCharsets.UTF_8)).documents().get(0).root();
  }

  @Test
  void findsEveryNodeTheConverterWroteAtTheSamePlacesAsAnEagerIndex() {
    YNode root = root();
    Map<String, NodeLocation> eager = new HashMap<>();
    index(root, "", Optional.empty(), eager);
    NodeLocator locator = new NodeLocator(root);
    for (Map.Entry<String, NodeLocation> e : eager.entrySet()) {
      NodeLocator.Found f = locator.find(e.getKey());
      assertThat(f).as(e.getKey()).isNotNull();
      assertThat(f.location()).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(TreeConverter.convert(root).index()).isEqualTo(eager);
  }

  @Test
  void findsNothingAtPointersTheConverterDidNotWrite() {
    NodeLocator locator = new NodeLocator(root());
    for (String p :
        new String[] {
          "/base/z", "/use/<<", "/list/4", "/list/01", "/list/-1", "/list/x", "/odd/x~2y", "/odd/~1", "/missing",
          "/base/x/y", "base", "/list/0/a", "/odd/x~", "/list/99999999999"
        }) {
      assertThat(locator.find(p)).as(p).isNull();
    }
  }

  @Test
  void placesAMissingPointerAtTheKeyOfItsNearestAncestor() {
    YNode root = root();
    NodeLocator locator = new NodeLocator(root);
    YMap.Entry use = ((YMap) root).entry("use").orElseThrow();
    assertThat(locator.spanOf("/use/nothing/deeper", false)).isEqualTo(use.key().span());
    assertThat(locator.spanOf("/use", false)).isEqualTo(use.value().span());
    assertThat(locator.spanOf("/use", true)).isEqualTo(use.key().span());
    assertThat(locator.spanOf("/nothing", false)).isEqualTo(root.span());
    assertThat(locator.spanOf("", true)).isEqualTo(root.span());
  }

  /** The index the converter used to build for every node, kept here as the reference. */
  private static void index(YNode n, String pointer, Optional<dev.istiolint.core.source.SourceSpan> key,
      Map<String, NodeLocation> out) {
    out.put(pointer, new NodeLocation(key, n.span()));
    if (n instanceof YMap m) {
      Set<String> names = new HashSet<>();
      for (YMap.Entry e : m.entries()) {
        String name = e.key().value();
        if (names.contains(name) || (e.value() instanceof YScalar s && s.isNull())) {
          continue;
        }
        names.add(name);
        index(e.value(), JsonPointers.child(pointer, name), Optional.of(e.key().span()), out);
      }
    } else if (n instanceof YSeq s) {
      int i = 0;
      for (YNode item : s.items()) {
        index(item, JsonPointers.child(pointer, i++), Optional.empty(), out);
      }
    }
  }
}
