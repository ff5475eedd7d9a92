package dev.istiolint.core.diag;

import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding: which rule, how severe, what is wrong (with the fix), where, on which resource, and the other places
 * involved. Ordered by file, line, column, rule id and message, the order of every report.
 */
public record Diagnostic(
    RuleMeta rule,
    Severity severity,
    String message,
    SourceSpan span,
    Optional<ResourceRef> resource,
    List<RelatedLocation> related)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::span)
          .thenComparing(d -> d.rule().id())
          .thenComparing(Diagnostic::message)
          .thenComparing(d -> d.resource().map(ResourceRef::toString).orElse(""));

  public Diagnostic {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(resource, "resource");
    related = List.copyOf(related);
  }

  /** The rule id, for example {@code TLS001}. */
  public String ruleId() {
    return rule.id();
  }

  /** The same finding with another severity (user overrides). */
  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(rule, newSeverity, message, span, resource, related);
  }

  @Override
  public int compareTo(Diagnostic o) {
    return ORDER.compare(this, o);
  }

  /** {@code path:line:col: severity: [ID] message}. */
  @Override
  public String toString() {
    return span + ": " + severity.label() + ": [" + rule.id() + "] " + message;
  }
}
