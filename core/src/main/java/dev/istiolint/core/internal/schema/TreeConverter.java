package dev.istiolint.core.internal.schema;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import dev.istiolint.core.source.SourceSpan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a {@link YNode} tree into a Jackson tree and records, for every JSON pointer, where its key and value were
 * written. Plain scalars resolve by the YAML 1.2 core schema; quoted and block scalars are strings. A mapping member
 * whose value is null is dropped, as the Kubernetes API server prunes it before validation.
 */
final class TreeConverter {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Integer literals longer than this are not parsed exactly (see {@link #number}). */
  private static final int MAX_INTEGER_CHARS = 100;

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  /** The converted tree, its pointer index, and the pointers of numbers that are not finite. */
  record Converted(
      JsonNode root, Map<String, NodeLocation> index, Map<String, YScalar> scalars, List<String> nonFinite) {}

  private final Map<String, NodeLocation> index = new HashMap<>();
  private final Map<String, YScalar> scalars = new HashMap<>();
  private final List<String> nonFinite = new ArrayList<>();

  private TreeConverter() {}

  static Converted convert(YNode root) {
    TreeConverter c = new TreeConverter();
    JsonNode tree = c.node(root, "", Optional.empty());
    return new Converted(tree, Map.copyOf(c.index), Map.copyOf(c.scalars), List.copyOf(c.nonFinite));
  }

  private JsonNode node(YNode n, String pointer, Optional<SourceSpan> key) {
    index.put(pointer, new NodeLocation(key, n.span()));
    if (n instanceof YMap m) {
      ObjectNode o = F.objectNode();
      for (YMap.Entry e : withMerges(m)) {
        String name = e.key().value();
        if (o.has(name) || (e.value() instanceof YScalar s && scalarValue(s, "").isNull())) {
          continue;
        }
        String p = JsonPointers.child(pointer, name);
        o.set(name, node(e.value(), p, Optional.of(e.key().span())));
        scalars.put(p + "#key", e.key());
      }
      return o;
    }
    if (n instanceof YSeq s) {
      ArrayNode a = F.arrayNode();
      int i = 0;
      for (YNode item : s.items()) {
        a.add(node(item, JsonPointers.child(pointer, i++), Optional.empty()));
      }
      return a;
    }
    YScalar s = (YScalar) n;
    scalars.put(pointer, s);
    return scalarValue(s, pointer);
  }

  /**
   * The entries of a mapping with YAML merge keys ({@code <<: *anchor}) applied, as Kubernetes reads them: explicit
   * entries win over merged ones, earlier merged maps over later ones. Inert when the loader already merged.
   */
  private static List<YMap.Entry> withMerges(YMap m) {
    boolean hasMerge = false;
    for (YMap.Entry e : m.entries()) {
      hasMerge |= isMergeKey(e.key());
    }
    if (!hasMerge) {
      return m.entries();
    }
    List<YMap.Entry> out = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (YMap.Entry e : m.entries()) {
      if (!isMergeKey(e.key()) && names.add(e.key().value())) {
        out.add(e);
      }
    }
    for (YMap.Entry e : m.entries()) {
      if (!isMergeKey(e.key())) {
        continue;
      }
      List<YNode> sources = e.value() instanceof YSeq s ? s.items() : List.of(e.value());
      for (YNode source : sources) {
        if (source instanceof YMap sm) {
          for (YMap.Entry merged : withMerges(sm)) {
            if (names.add(merged.key().value())) {
              out.add(merged);
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean isMergeKey(YScalar key) {
    return key.plain() && key.tag().isEmpty() && key.value().equals("<<");
  }

  private JsonNode scalarValue(YScalar s, String pointer) {
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
        JsonNode num = number(v, pointer);
        return num == null ? F.stringNode(v) : num;
      }
      return F.stringNode(v);
    }
    if (!s.plain()) {
      return F.stringNode(v);
    }
    if (s.isNull()) {
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
    JsonNode num = number(v, pointer);
    return num == null ? F.stringNode(v) : num;
  }

  private static JsonNode integral(BigInteger b) {
    if (b.bitLength() < 32) {
      return F.numberNode(b.intValue());
    }
    return b.bitLength() < 64 ? F.numberNode(b.longValue()) : F.numberNode(b);
  }

  private JsonNode number(String v, String pointer) {
    boolean integer = INT.matcher(v).matches();
    if ((integer || OCT.matcher(v).matches() || HEX.matcher(v).matches()) && v.length() > MAX_INTEGER_CHARS) {
      // far beyond every range; parsing millions of digits would take minutes (big-number parsing is quadratic),
      // so a power of ten of about the same size stands in for it
      BigInteger magnitude = BigInteger.TEN.pow(Math.min(v.length() - 1, MAX_INTEGER_CHARS));
      return F.numberNode(v.startsWith("-") ? magnitude.negate() : magnitude);
    }
    if (integer) {
      return integral(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
    }
    if (OCT.matcher(v).matches()) {
      return integral(new BigInteger(v.substring(2), 8));
    }
    if (HEX.matcher(v).matches()) {
      return integral(new BigInteger(v.substring(2), 16));
    }
    if (FLOAT.matcher(v).matches()) {
      // not BigDecimal: it throws on exponents beyond the int range (1e4000000000); this gives infinity or zero
      double d = Double.parseDouble(v);
      if (Double.isFinite(d) && Math.abs(d) >= 0x1p63) {
        // the schema validator reads minimum and maximum through asLong(), which throws beyond the long range;
        // a double this large is a whole number, so it is given as one
        return F.numberNode(new BigDecimal(d).toBigInteger());
      }
      return F.numberNode(d);
    }
    if (INF.matcher(v).matches() || NAN.matcher(v).matches()) {
      if (!pointer.isEmpty()) {
        nonFinite.add(pointer);
      }
      if (NAN.matcher(v).matches()) {
        return F.numberNode(Double.NaN);
      }
      return F.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    return null;
  }
}
