package dev.istiolint.core.internal.schema;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the findings on one document and places them: each JSON pointer maps to where its key or value was
 * written, falling back to the key of the nearest ancestor that was.
 */
final class DocumentFindings {

  private static final Pattern INDICES = Pattern.compile("\\[[0-9]+\\]");

  private final NodeLocator locator;
  private final SourceSpan documentSpan;
  private final Optional<ResourceRef> resource;
  private final List<Diagnostic> findings = new ArrayList<>();
  private final List<VersionedDiagnostic> versioned = new ArrayList<>();
  private final Set<Seen> seen = new HashSet<>();

  DocumentFindings(NodeLocator locator, SourceSpan documentSpan, Optional<ResourceRef> resource) {
    this.locator = locator;
    this.documentSpan = documentSpan;
    this.resource = resource;
  }

  /** The span of a value (or of its key, when {@code atKey} and it has one), else of its nearest ancestor. */
  SourceSpan spanOf(String pointer, boolean atKey) {
    SourceSpan span = locator.spanOf(pointer, atKey);
    return span == null ? documentSpan : span;
  }

  /**
   * Reports once per rule, place and message. A node reached twice through an alias or merge key has one span but
   * two paths; list indices are left out of the comparison so that it is reported once, at its definition.
   */
  void report(RuleMeta rule, String pointer, boolean atKey, String message) {
    SourceSpan span = spanOf(pointer, atKey);
    if (seen.add(key(rule, span, message))) {
      findings.add(new Diagnostic(rule, rule.defaultSeverity(), message, span, resource, List.of()));
    }
  }

  /** Reports a finding that holds only from {@code since} (inclusive) until {@code until} (exclusive). */
  void reportVersioned(
      RuleMeta rule,
      String pointer,
      boolean atKey,
      String message,
      Optional<IstioVersion> since,
      Optional<IstioVersion> until) {
    SourceSpan span = spanOf(pointer, atKey);
    if (seen.add(key(rule, span, message))) {
      versioned.add(
          new VersionedDiagnostic(
              new Diagnostic(rule, rule.defaultSeverity(), message, span, resource, List.of()), since, until));
    }
  }

  private static Seen key(RuleMeta rule, SourceSpan span, String message) {
    return new Seen(rule.id(), span, withoutIndices(message));
  }

  /** What makes two findings the same: the rule, the place, and the message without list indices. */
  private record Seen(String rule, SourceSpan span, String message) {}

  /** {@code message} without list indices such as {@code [0]}. */
  static String withoutIndices(String message) {
    if (message.indexOf('[') < 0) {
      return message;
    }
    return INDICES.matcher(message).replaceAll("");
  }

  List<Diagnostic> findings() {
    return List.copyOf(findings);
  }

  List<VersionedDiagnostic> versioned() {
    return List.copyOf(versioned);
  }
}
