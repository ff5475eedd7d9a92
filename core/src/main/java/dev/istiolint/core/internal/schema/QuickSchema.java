package dev.istiolint.core.internal.schema;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * A shortcut in front of the JSON Schema validator: it proves, in one walk over the YAML tree, without a JSON tree or
 * error paths, that a document gives no schema error at all. Most documents are valid, and for them the full
 * validator has nothing to say; it runs only when the shortcut cannot prove validity. It reads scalars as {@link
 * TreeConverter} does (the YAML 1.2 core schema, null members dropped).
 *
 * <p>The answer is one-sided. {@code true} means the full validator reports nothing; {@code false} means only "not
 * proved", and the full validator then decides (and words the findings). So the shortcut knows just the keywords the
 * shipped schemas use, and in every case it is unsure of (an unknown keyword, an integer written as a decimal, a
 * number on the bound of a range, a value outside an enum) it answers {@code false}.
 *
 * <p>Compiled from the same schema documents the full validator reads. Immutable once compiled: thread-safe.
 */
final class QuickSchema {

  /** The keywords that carry no constraint. */
  private static final Set<String> INERT = Set.of("$id", "$comment", "$defs", "$schema", "title", "description");

  private static final int STRING = 1;
  private static final int INTEGER = 2;
  private static final int NUMBER = 4;
  private static final int BOOLEAN = 8;
  private static final int OBJECT = 16;
  private static final int ARRAY = 32;
  private static final int NULL = 64;
  private static final int ANY_TYPE = 127;

  /** One compiled schema object; fields left at their defaults constrain nothing. */
  private static final class Node {
    /** A schema this shortcut cannot judge (or the {@code false} schema): it proves nothing valid. */
    boolean never;
    /** The {@code true} schema, or one with no constraining keyword: anything is valid. */
    boolean free;
    int types = ANY_TYPE;
    final List<Node> refs = new ArrayList<>(1);
    Map<String, Node> properties = Map.of();
    /** The schema of members not in {@code properties}; null: any member is allowed. */
    Node additional;
    Node items;
    String[] required = new String[0];
    /** The allowed values when they are all strings; an enum with other values proves nothing. */
    Set<String> enumValues;
    int minLength = -1;
    int maxLength = -1;
    BigDecimal minimum;
    BigDecimal maximum;
    /** The pattern's matcher for each thread, reset for every text: no matcher allocated per value. */
    ThreadLocal<Matcher> pattern;
    int maxProperties = -1;
    int minItems = -1;
    int maxItems = -1;
  }

  private final Node root;

  private QuickSchema(Node root) {
    this.root = root;
  }

  /**
   * Compiles the schema at {@code location} (an absolute identifier with a JSON pointer fragment), reading schema
   * documents through {@code documents} (identifier without fragment to document; a missing node when unknown).
   */
  static QuickSchema compile(String location, Function<String, JsonNode> documents) {
    return new QuickSchema(new Compiler(documents).at(location));
  }

  /**
   * True only when the full validator reports no error for the tree {@link TreeConverter} makes of {@code root}, and
   * none of its scalars needs the converter's attention: a tag, a YAML 1.1 boolean, infinity or not-a-number.
   */
  boolean provesValid(YNode root) {
    return provesValid(root, true);
  }

  /**
   * {@link #provesValid(YNode)}, told whether the loader saw a scalar that may need the converter's attention ({@link
   * dev.istiolint.core.internal.yaml.YDocument#suspectScalars()}): when it saw none, the scalars are not walked twice.
   */
  boolean provesValid(YNode root, boolean suspectScalars) {
    return (!suspectScalars || plainTree(root)) && passes(this.root, root);
  }

  private static boolean passes(Node s, YNode n) {
    if (s.never) {
      return false;
    }
    if (s.free) {
      return true;
    }
    for (int i = 0; i < s.refs.size(); i++) {
      if (!passes(s.refs.get(i), n)) {
        return false;
      }
    }
    if (n instanceof YMap m) {
      return (s.types & OBJECT) != 0 && s.enumValues == null && object(s, m);
    }
    if (n instanceof YSeq q) {
      return (s.types & ARRAY) != 0 && s.enumValues == null && array(s, q);
    }
    return scalar(s, (YScalar) n);
  }

  /** A scalar resolved as the converter resolves it (the YAML 1.2 core schema for plain scalars). */
  private static boolean scalar(Node s, YScalar y) {
    String v = y.value();
    if (!y.plain()) {
      return string(s, v);
    }
    switch (v) {
      case "", "~", "null", "Null", "NULL" -> {
        return (s.types & NULL) != 0 && s.enumValues == null;
      }
      case "true", "True", "TRUE", "false", "False", "FALSE" -> {
        return (s.types & BOOLEAN) != 0 && s.enumValues == null;
      }
      default -> {
        int kind = CoreScalars.kind(v);
        return kind == CoreScalars.NONE ? string(s, v) : number(s, CoreScalars.number(v, kind));
      }
    }
  }

  private static boolean string(Node s, String v) {
    if ((s.types & STRING) == 0 || (s.enumValues != null && !s.enumValues.contains(v))) {
      return false;
    }
    if (s.minLength >= 0 || s.maxLength >= 0) {
      int length = v.codePointCount(0, v.length());
      if (length < s.minLength || (s.maxLength >= 0 && length > s.maxLength)) {
        return false;
      }
    }
    return s.pattern == null || s.pattern.get().reset(v).find();
  }

  /** A number: an integer written as a decimal, and a decimal on a bound, are left unproved. */
  private static boolean number(Node s, JsonNode n) {
    boolean integral = n.isIntegralNumber();
    if ((s.types & (integral ? INTEGER | NUMBER : NUMBER)) == 0 || s.enumValues != null) {
      return false; // enum: the full validator compares numbers more loosely than equals does
    }
    if (!integral && !n.isBigDecimal() && !Double.isFinite(n.doubleValue())) {
      return false; // a float literal beyond the double range
    }
    if (s.minimum == null && s.maximum == null) {
      return true;
    }
    BigDecimal v = integral ? new BigDecimal(n.bigIntegerValue()) : n.decimalValue();
    if (s.minimum != null && (integral ? v.compareTo(s.minimum) < 0 : v.compareTo(s.minimum) <= 0)) {
      return false;
    }
    return s.maximum == null || (integral ? v.compareTo(s.maximum) <= 0 : v.compareTo(s.maximum) < 0);
  }

  /** The members the converter keeps are those whose value is not null. */
  private static boolean object(Node s, YMap m) {
    List<YMap.Entry> entries = m.entries();
    if (s.maxProperties >= 0) {
      int kept = 0;
      for (int i = 0; i < entries.size(); i++) {
        kept += TreeConverter.isNullScalar(entries.get(i).value()) ? 0 : 1;
      }
      if (kept > s.maxProperties) {
        return false;
      }
    }
    for (String name : s.required) {
      if (!has(entries, name)) {
        return false;
      }
    }
    if (s.properties.isEmpty() && s.additional == null) {
      return true;
    }
    for (int i = 0; i < entries.size(); i++) {
      YMap.Entry e = entries.get(i);
      YNode value = e.value();
      if (TreeConverter.isNullScalar(value)) {
        continue;
      }
      Node declared = s.properties.get(e.key().value());
      Node schema = declared != null ? declared : s.additional;
      if (schema != null && !passes(schema, value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean has(List<YMap.Entry> entries, String name) {
    for (int i = 0; i < entries.size(); i++) {
      YMap.Entry e = entries.get(i);
      if (e.key().value().equals(name)) {
        return !TreeConverter.isNullScalar(e.value());
      }
    }
    return false;
  }

  private static boolean array(Node s, YSeq q) {
    List<YNode> items = q.items();
    int size = items.size();
    if (size < s.minItems || (s.maxItems >= 0 && size > s.maxItems)) {
      return false;
    }
    if (s.items != null) {
      for (int i = 0; i < size; i++) {
        if (!passes(s.items, items.get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when no scalar of the tree needs the converter's attention: a tag, a YAML 1.1 boolean, .inf or .nan. */
  private static boolean plainTree(YNode n) {
    if (n instanceof YMap m) {
      List<YMap.Entry> entries = m.entries();
      for (int i = 0; i < entries.size(); i++) {
        YMap.Entry e = entries.get(i);
        if (!plainScalar(e.key()) || !plainTree(e.value())) {
          return false;
        }
      }
      return true;
    }
    if (n instanceof YSeq q) {
      List<YNode> items = q.items();
      for (int i = 0; i < items.size(); i++) {
        if (!plainTree(items.get(i))) {
          return false;
        }
      }
      return true;
    }
    return plainScalar((YScalar) n);
  }

  private static boolean plainScalar(YScalar y) {
    if (y.tag().isPresent()) {
      return false;
    }
    if (!y.plain()) {
      return true;
    }
    String v = y.value();
    if (v.length() >= 4 && (v.charAt(0) == '.' || v.charAt(1) == '.')) { // the shapes of .inf, -.inf and .nan
      int kind = CoreScalars.kind(v);
      if (kind == CoreScalars.INF || kind == CoreScalars.NAN) {
        return false;
      }
    }
    return !Yaml11Values.isYaml11Boolean(v);
  }

  /** Builds the node graph; {@code $ref} cycles are closed through the nodes already started. */
  private static final class Compiler {
    private final Function<String, JsonNode> documents;
    private final Map<String, Node> byLocation = new HashMap<>();
    private final Map<String, JsonNode> read = new HashMap<>();

    Compiler(Function<String, JsonNode> documents) {
      this.documents = documents;
    }

    /** The node for an absolute location {@code iri#pointer}. */
    Node at(String location) {
      Node known = byLocation.get(location);
      if (known != null) {
        return known;
      }
      Node node = new Node();
      byLocation.put(location, node);
      int hash = location.indexOf('#');
      String iri = hash < 0 ? location : location.substring(0, hash);
      String pointer = hash < 0 ? "" : location.substring(hash + 1);
      JsonNode document = read.computeIfAbsent(iri, documents);
      JsonNode schema = document == null ? null : document.at(pointer);
      if (schema == null || schema.isMissingNode()) {
        node.never = true;
      } else {
        fill(node, schema, iri);
      }
      return node;
    }

    private Node child(JsonNode schema, String iri) {
      Node node = new Node();
      fill(node, schema, iri);
      return node;
    }

    private void fill(Node node, JsonNode schema, String iri) {
      if (schema.isBoolean()) {
        node.never = !schema.booleanValue();
        node.free = schema.booleanValue();
        return;
      }
      if (!schema.isObject()) {
        node.never = true;
        return;
      }
      boolean constrained = false;
      for (Map.Entry<String, JsonNode> k : schema.properties()) {
        if (!keyword(node, k.getKey(), k.getValue(), iri)) {
          node.never = true; // a keyword this shortcut does not know: leave every instance to the full validator
          return;
        }
        constrained |= !INERT.contains(k.getKey());
      }
      node.free = !constrained;
    }

    /** Compiles one keyword into {@code node}; false when it is not one this shortcut can judge. */
    private boolean keyword(Node node, String name, JsonNode value, String iri) {
      if (INERT.contains(name)) {
        return true;
      }
      switch (name) {
        case "type" -> {
          node.types = 0;
          for (JsonNode t : value.isArray() ? value : List.of(value)) {
            int bit = typeBit(t.asString(""));
            if (bit == 0) {
              return false;
            }
            node.types |= bit;
          }
          return true;
        }
        case "$ref" -> {
          if (!value.isString()) {
            return false;
          }
          node.refs.add(at(resolve(iri, value.stringValue())));
          return true;
        }
        case "properties" -> {
          if (!value.isObject()) {
            return false;
          }
          Map<String, Node> props = new HashMap<>();
          for (Map.Entry<String, JsonNode> p : value.properties()) {
            props.put(p.getKey(), child(p.getValue(), iri));
          }
          node.properties = props;
          return true;
        }
        case "additionalProperties" -> {
          node.additional = child(value, iri);
          return true;
        }
        case "items" -> {
          if (!value.isObject() && !value.isBoolean()) {
            return false; // the array form means prefixItems in old drafts
          }
          node.items = child(value, iri);
          return true;
        }
        case "required" -> {
          if (!value.isArray()) {
            return false;
          }
          List<String> names = new ArrayList<>();
          for (JsonNode r : value) {
            if (!r.isString()) {
              return false;
            }
            names.add(r.stringValue());
          }
          node.required = names.toArray(String[]::new);
          return true;
        }
        case "enum" -> {
          if (!value.isArray()) {
            return false;
          }
          Set<String> values = new HashSet<>();
          for (JsonNode v : value) {
            if (!v.isString()) {
              return false;
            }
            values.add(v.stringValue());
          }
          node.enumValues = values;
          return true;
        }
        case "minLength" -> {
          node.minLength = count(value);
          return node.minLength >= 0;
        }
        case "maxLength" -> {
          node.maxLength = count(value);
          return node.maxLength >= 0;
        }
        case "maxProperties" -> {
          node.maxProperties = count(value);
          return node.maxProperties >= 0;
        }
        case "minItems" -> {
          node.minItems = count(value);
          return node.minItems >= 0;
        }
        case "maxItems" -> {
          node.maxItems = count(value);
          return node.maxItems >= 0;
        }
        case "minimum" -> {
          node.minimum = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : null;
          return node.minimum != null;
        }
        case "maximum" -> {
          node.maximum = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : null;
          return node.maximum != null;
        }
        case "pattern" -> {
          if (!value.isString()) {
            return false;
          }
          try {
            Pattern p = Pattern.compile(value.stringValue());
            node.pattern = ThreadLocal.withInitial(() -> p.matcher(""));
            return true;
          } catch (PatternSyntaxException e) {
            return false;
          }
        }
        default -> {
          return false;
        }
      }
    }

    private static int typeBit(String type) {
      return switch (type) {
        case "string" -> STRING;
        case "integer" -> INTEGER;
        case "number" -> NUMBER;
        case "boolean" -> BOOLEAN;
        case "object" -> OBJECT;
        case "array" -> ARRAY;
        case "null" -> NULL;
        default -> 0;
      };
    }

    /** A non-negative whole number, or -1. */
    private static int count(JsonNode value) {
      return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0 ? value.intValue() : -1;
    }

    /** {@code ref} made absolute against the identifier of the document it is written in. */
    private static String resolve(String iri, String ref) {
      if (ref.startsWith("#")) {
        return iri + ref;
      }
      if (ref.contains("://")) {
        return ref;
      }
      int slash = iri.lastIndexOf('/');
      return iri.substring(0, slash + 1) + ref;
    }
  }
}
