package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** A {@code targetRef}/{@code targetRefs} entry (Gateway API policy attachment): group, kind, name, namespace. */
public record PolicyTargetReference(
    Optional<Located<String>> group,
    Optional<Located<String>> kind,
    Optional<Located<String>> name,
    Optional<Located<String>> namespace,
    SourceSpan span) {

  public PolicyTargetReference {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(span, "span");
  }
}
