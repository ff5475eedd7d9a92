package dev.istiolint.core.internal.decode;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import dev.istiolint.core.model.IntOrString;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads typed fields out of a node tree, leniently: a field of the wrong shape reads as absent (the schema check
 * reports it), nothing throws. An optional span mapper relocates positions (for YAML embedded in a string).
 */
final class NodeReader {

  static final NodeReader DIRECT = new NodeReader(UnaryOperator.identity());

  /**
   * Boxed ints from 0 to 65535 (ports, weights, percentages), one object each: a mesh repeats the same few numbers
   * thousands of times, and the model keeps every one. In chunks of 1,024 made on first use, so the few ranges a mesh
   * uses cost a few KB. The races are benign: a chunk or an Integer made twice is equal, and an Integer is immutable.
   */
  private static final Integer[][] BOXED = new Integer[64][];

  private static final int CHUNK_BITS = 10;

  private final UnaryOperator<SourceSpan> mapper;

  NodeReader(UnaryOperator<SourceSpan> mapper) {
    this.mapper = mapper;
  }

  SourceSpan span(YNode node) {
    return mapper.apply(node.span());
  }

  Optional<YMap> map(YMap m, String key) {
    Optional<YNode> n = m.get(key);
    return n.isPresent() && n.get() instanceof YMap y ? Optional.of(y) : Optional.empty();
  }

  Optional<YSeq> seq(YMap m, String key) {
    Optional<YNode> n = m.get(key);
    return n.isPresent() && n.get() instanceof YSeq y ? Optional.of(y) : Optional.empty();
  }

  /** The mapping items of a sequence field; other items are skipped. */
  List<YMap> maps(YMap m, String key) {
    Optional<YSeq> s = seq(m, key);
    if (s.isEmpty()) {
      return List.of();
    }
    List<YMap> out = new ArrayList<>(s.get().items().size());
    for (YNode n : s.get().items()) {
      if (n instanceof YMap y) {
        out.add(y);
      }
    }
    return out;
  }

  /** The span of a field's value when it is present and not null. */
  Optional<SourceSpan> present(YMap m, String key) {
    Optional<YNode> n = m.get(key);
    if (n.isEmpty() || (n.get() instanceof YScalar s && s.isNull())) {
      return Optional.empty();
    }
    return Optional.of(span(n.get()));
  }

  Optional<YScalar> scalar(YMap m, String key) {
    Optional<YNode> n = m.get(key);
    return n.isPresent() && n.get() instanceof YScalar s && !s.isNull() ? Optional.of(s) : Optional.empty();
  }

  Located<String> located(YScalar s) {
    return Located.of(s.value(), span(s));
  }

  Optional<Located<String>> str(YMap m, String key) {
    return scalar(m, key).map(this::located);
  }

  Optional<Located<Integer>> integer(YMap m, String key) {
    Optional<YScalar> s = scalar(m, key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return parseInt(s.get().value()).map(v -> Located.of(v, span(s.get())));
  }

  Optional<Located<Boolean>> bool(YMap m, String key) {
    Optional<YScalar> s = scalar(m, key);
    if (s.isEmpty() || !s.get().plain()) {
      return Optional.empty();
    }
    return parseBool(s.get().value()).map(v -> Located.of(v, span(s.get())));
  }

  Optional<Located<IntOrString>> intOrString(YMap m, String key) {
    Optional<YScalar> s = scalar(m, key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String v = s.get().value();
    Optional<Integer> i = s.get().plain() ? parseInt(v) : Optional.empty();
    IntOrString value = i.isPresent() ? IntOrString.of(i.get()) : IntOrString.of(v);
    return Optional.of(Located.of(value, span(s.get())));
  }

  /** The scalar items of a sequence field. */
  List<Located<String>> strings(YMap m, String key) {
    Optional<YSeq> s = seq(m, key);
    if (s.isEmpty()) {
      return List.of();
    }
    List<Located<String>> out = new ArrayList<>(s.get().items().size());
    for (YNode n : s.get().items()) {
      if (n instanceof YScalar y && !y.isNull()) {
        out.add(located(y));
      }
    }
    return out;
  }

  /** A mapping of scalar values (labels, annotations, selectors); other values are skipped. */
  Map<String, Located<String>> stringMap(YMap m, String key) {
    Optional<YMap> map = map(m, key);
    return map.isPresent() ? stringMap(map.get()) : Map.of();
  }

  Map<String, Located<String>> stringMap(YMap map) {
    Map<String, Located<String>> out = new LinkedHashMap<>();
    for (YMap.Entry e : map.entries()) {
      if (e.value() instanceof YScalar s && !s.isNull()) {
        out.putIfAbsent(e.key().value(), located(s));
      } else if (e.value() instanceof YScalar s) {
        out.putIfAbsent(e.key().value(), Located.of("", span(s)));
      }
    }
    return out;
  }

  /** The keys of a mapping field, located at the keys. */
  List<Located<String>> keys(YMap m, String key) {
    Optional<YMap> map = map(m, key);
    if (map.isEmpty()) {
      return List.of();
    }
    List<Located<String>> out = new ArrayList<>();
    for (YMap.Entry e : map.get().entries()) {
      out.add(located(e.key()));
    }
    return out;
  }

  /**
   * An enum field: the constant whose name equals the text, else {@code unset}. An absent field is {@code unset}
   * located at {@code fallback} (the enclosing block).
   */
  <E extends Enum<E>> Located<E> enumOf(YMap m, String key, E[] values, E unset, SourceSpan fallback) {
    Optional<YScalar> s = scalar(m, key);
    if (s.isEmpty()) {
      return Located.of(unset, fallback);
    }
    return Located.of(enumValue(s.get().value(), values, unset), span(s.get()));
  }

  static <E extends Enum<E>> E enumValue(String text, E[] values, E unset) {
    for (E e : values) {
      if (e != unset && e.name().equals(text)) {
        return e;
      }
    }
    return unset;
  }

  /** A decimal int without sign games; empty when out of range or not a number. */
  static Optional<Integer> parseInt(String v) {
    int n = v.length();
    if (n == 0 || n > 10) {
      return Optional.empty();
    }
    int i = 0;
    boolean negative = false;
    if (v.charAt(0) == '-' || v.charAt(0) == '+') {
      negative = v.charAt(0) == '-';
      i = 1;
      if (n == 1) {
        return Optional.empty();
      }
    }
    long acc = 0;
    for (; i < n; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      acc = acc * 10 + (c - '0');
    }
    acc = negative ? -acc : acc;
    if (acc > Integer.MAX_VALUE || acc < Integer.MIN_VALUE) {
      return Optional.empty();
    }
    return Optional.of(box((int) acc));
  }

  static Integer box(int v) {
    if (v < 0 || v >= BOXED.length << CHUNK_BITS) {
      return v;
    }
    Integer[] chunk = BOXED[v >>> CHUNK_BITS];
    if (chunk == null) {
      chunk = new Integer[1 << CHUNK_BITS];
      BOXED[v >>> CHUNK_BITS] = chunk;
    }
    int i = v & ((1 << CHUNK_BITS) - 1);
    Integer b = chunk[i];
    if (b == null) {
      b = v;
      chunk[i] = b;
    }
    return b;
  }

  static Optional<Boolean> parseBool(String v) {
    switch (v) {
      case "true":
      case "True":
      case "TRUE":
        return Optional.of(Boolean.TRUE);
      case "false":
      case "False":
      case "FALSE":
        return Optional.of(Boolean.FALSE);
      default:
        return Optional.empty();
    }
  }
}
