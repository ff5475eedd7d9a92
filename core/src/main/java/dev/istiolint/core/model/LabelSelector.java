package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A label selector as written: Istio's {@code selector}/{@code workloadSelector} ({@code matchLabels}) or a
 * Kubernetes {@code LabelSelector} ({@code matchLabels} and {@code matchExpressions}). An empty selector selects
 * everything. {@code span} is the selector block.
 */
public record LabelSelector(
    Map<String, Located<String>> matchLabels, List<Expression> matchExpressions, SourceSpan span) {

  /** One {@code matchExpressions} entry. An unknown operator never matches. */
  public record Expression(Located<String> key, Located<String> operator, List<Located<String>> values) {
    public Expression {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String v = labels.get(key.value());
      switch (operator.value()) {
        case "In":
          return v != null && values.stream().anyMatch(x -> x.value().equals(v));
        case "NotIn":
          return v == null || values.stream().noneMatch(x -> x.value().equals(v));
        case "Exists":
          return v != null;
        case "DoesNotExist":
          return v == null;
        default:
          return false;
      }
    }
  }

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
    Objects.requireNonNull(span, "span");
  }

  /** True when the selector has neither labels nor expressions (it selects everything). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** {@code matchLabels} without positions, sorted by key. */
  public Map<String, String> labelValues() {
    Map<String, String> out = new TreeMap<>();
    matchLabels.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** True when every label and expression holds for {@code labels}. */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, Located<String>> e : matchLabels.entrySet()) {
      if (!e.getValue().value().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Expression x : matchExpressions) {
      if (!x.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** The label keys the selector names. */
  public Set<String> keys() {
    return matchLabels.keySet();
  }
}
