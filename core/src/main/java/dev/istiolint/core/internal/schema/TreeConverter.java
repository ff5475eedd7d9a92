package dev.istiolint.core.internal.schema;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a {@link YNode} tree into a Jackson tree. Plain scalars resolve by the YAML 1.2 core schema; quoted and
 * block scalars are strings. A mapping member whose value is null is dropped, as the Kubernetes API server prunes it
 * before validation.
 *
 * <p>Where a node was written is not recorded: {@link NodeLocator} finds it when a finding needs it. On the way the
 * converter collects the few nodes later checks look at: numbers that are not finite, YAML 1.1 booleans, and members
 * with one of the names the caller watches.
 */
final class TreeConverter {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A member whose name the caller watched: its name, its value, and the path to it (written out on demand). */
  static final class Member {
    private final String name;
    private final Object[] path;
    private final JsonNode value;

    private Member(String name, Object[] path, JsonNode value) {
      this.name = name;
      this.path = path;
      this.value = value;
    }

    String name() {
      return name;
    }

    JsonNode value() {
      return value;
    }

    /** The JSON pointer of the member. */
    String pointer() {
      return TreeConverter.pointer(path, path.length, false);
    }

    /** The JSON pointer with every all-digit token (list indices) written {@code *}. */
    String normalized() {
      return TreeConverter.pointer(path, path.length, true);
    }
  }

  /** A plain scalar YAML 1.1 reads as a boolean: the pointer of its node, whether it is the key, the scalar. */
  record Yaml11(String pointer, boolean key, YScalar scalar) {}

  /** The converted tree and what the converter collected; locations are found on demand. */
  static final class Converted {
    private final JsonNode root;
    private final NodeLocator locator;
    private final List<String> nonFinite;
    private final List<Yaml11> yaml11;
    private final List<Member> watched;

    Converted(JsonNode root, NodeLocator locator, List<String> nonFinite, List<Yaml11> yaml11, List<Member> watched) {
      this.root = root;
      this.locator = locator;
      this.nonFinite = nonFinite;
      this.yaml11 = yaml11;
      this.watched = watched;
    }

    JsonNode root() {
      return root;
    }

    NodeLocator locator() {
      return locator;
    }

    /** The pointers of {@code .inf} and {@code .nan} values, in document order. */
    List<String> nonFinite() {
      return nonFinite;
    }

    /** Plain scalars (keys and values) that YAML 1.1 reads as booleans, in document order. */
    List<Yaml11> yaml11() {
      return yaml11;
    }

    /** The members with a watched name, in document order. */
    List<Member> watched() {
      return watched;
    }

    /** The scalar written at {@code pointer}, or null when the node there is not a scalar (or there is none). */
    YScalar scalarAt(String pointer) {
      NodeLocator.Found f = locator.find(pointer);
      return f != null && f.value() instanceof YScalar s ? s : null;
    }

    /** Where each node was written, by JSON pointer: a view that looks each pointer up when asked. */
    Map<String, NodeLocation> index() {
      return new AbstractMap<>() {
        @Override
        public NodeLocation get(Object key) {
          NodeLocator.Found f = key instanceof String p ? locator.find(p) : null;
          return f == null ? null : f.location();
        }

        @Override
        public boolean containsKey(Object key) {
          return get(key) != null;
        }

        @Override
        public Set<Map.Entry<String, NodeLocation>> entrySet() {
          Map<String, NodeLocation> all = new LinkedHashMap<>();
          collect("", all);
          return all.entrySet();
        }

        private void collect(String pointer, Map<String, NodeLocation> all) {
          NodeLocator.Found f = locator.find(pointer);
          all.put(pointer, f.location());
          JsonNode n = root.at(pointer);
          if (n.isObject()) {
            for (String name : n.propertyNames()) {
              collect(JsonPointers.child(pointer, name), all);
            }
          } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
              collect(JsonPointers.child(pointer, i), all);
            }
          }
        }
      };
    }
  }

  private final Set<String> watch;
  private final List<String> nonFinite = new ArrayList<>();
  private final List<Yaml11> yaml11 = new ArrayList<>();
  private final List<Member> watched = new ArrayList<>();
  /** The path to the node being converted: names (String) and list indices (Integer). */
  private Object[] path = new Object[16];
  private int depth;

  private TreeConverter(Set<String> watch) {
    this.watch = watch;
  }

  static Converted convert(YNode root) {
    return convert(root, Set.of());
  }

  /** Converts {@code root}, collecting the members whose name is in {@code watch}. */
  static Converted convert(YNode root, Set<String> watch) {
    TreeConverter c = new TreeConverter(watch);
    JsonNode tree = c.node(root);
    return new Converted(tree, new NodeLocator(root), c.nonFinite, c.yaml11, c.watched);
  }

  private JsonNode node(YNode n) {
    if (n instanceof YMap m) {
      List<YMap.Entry> entries = m.entries(); // merge keys expanded and duplicate keys dropped by the loader
      int size = entries.size();
      // a LinkedHashMap, as JsonNodeFactory.objectNode() makes, but sized for the members
      ObjectNode o = new ObjectNode(F, new LinkedHashMap<>((int) (size / 0.75f) + 1));
      for (int i = 0; i < size; i++) {
        YMap.Entry e = entries.get(i);
        String name = e.key().value();
        if (isNullScalar(e.value())) {
          continue;
        }
        push(name);
        if (isYaml11(e.key())) {
          yaml11.add(new Yaml11(pointer(), true, e.key()));
        }
        JsonNode value = node(e.value());
        o.set(name, value);
        if (!watch.isEmpty() && watch.contains(name)) {
          watched.add(new Member(name, java.util.Arrays.copyOf(path, depth), value));
        }
        depth--;
      }
      return o;
    }
    if (n instanceof YSeq s) {
      List<YNode> items = s.items();
      int size = items.size();
      ArrayNode a = new ArrayNode(F, size);
      for (int i = 0; i < size; i++) {
        push(i);
        a.add(node(items.get(i)));
        depth--;
      }
      return a;
    }
    YScalar s = (YScalar) n;
    if (isYaml11(s)) {
      yaml11.add(new Yaml11(pointer(), false, s));
    }
    return scalarValue(s);
  }

  private void push(Object segment) {
    if (depth == path.length) {
      path = java.util.Arrays.copyOf(path, depth * 2);
    }
    path[depth++] = segment;
  }

  /** The JSON pointer of the current node. */
  private String pointer() {
    return pointer(path, depth, false);
  }

  /** The JSON pointer of a path; {@code normalized} writes every all-digit token as {@code *}. */
  private static String pointer(Object[] path, int depth, boolean normalized) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      b.append('/');
      Object seg = path[i];
      if (seg instanceof Integer index) {
        b.append(normalized ? "*" : index.toString());
      } else {
        String name = (String) seg;
        if (normalized && allDigits(name)) {
          b.append('*');
        } else {
          escape(name, b);
        }
      }
    }
    return b.toString();
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void escape(String name, StringBuilder b) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '~') {
        b.append("~0");
      } else if (c == '/') {
        b.append("~1");
      } else {
        b.append(c);
      }
    }
  }

  private static boolean isYaml11(YScalar s) {
    return s.plain() && s.tag().isEmpty() && Yaml11Values.isYaml11Boolean(s.value());
  }

  /** True for a scalar that converts to null: such a mapping member is dropped. */
  static boolean isNullScalar(YNode n) {
    return n instanceof YScalar s && isNull(s);
  }

  /** {@link YScalar#isNull} without hashing the text of every scalar. */
  private static boolean isNull(YScalar s) {
    if (s.tag().isPresent()) {
      return s.isNull();
    }
    if (!s.plain()) {
      return false;
    }
    String v = s.value();
    return switch (v.length()) {
      case 0 -> true;
      case 1 -> v.charAt(0) == '~';
      case 4 -> v.equals("null") || v.equals("Null") || v.equals("NULL");
      default -> false;
    };
  }

  private JsonNode scalarValue(YScalar s) {
    String v = s.value();
    if (s.tag().isPresent()) {
      String tag = s.tag().get();
      if (tag.endsWith(":null")) {
        return F.nullNode();
      }
      if (tag.endsWith(":bool")) {
        return F.booleanNode(v.equalsIgnoreCase("true"));
      }
      if (tag.endsWith(":int") || tag.endsWith(":float")) {
        JsonNode num = number(v);
        return num == null ? F.stringNode(v) : num;
      }
      return F.stringNode(v);
    }
    if (!s.plain()) {
      return F.stringNode(v);
    }
    if (isNull(s)) {
      return F.nullNode();
    }
    switch (v) {
      case "true", "True", "TRUE":
        return F.booleanNode(true);
      case "false", "False", "FALSE":
        return F.booleanNode(false);
      default:
        break;
    }
    JsonNode num = number(v);
    return num == null ? F.stringNode(v) : num;
  }

  private JsonNode number(String v) {
    int kind = CoreScalars.kind(v);
    if ((kind == CoreScalars.INF || kind == CoreScalars.NAN) && depth > 0) {
      nonFinite.add(pointer());
    }
    return CoreScalars.number(v, kind);
  }
}
