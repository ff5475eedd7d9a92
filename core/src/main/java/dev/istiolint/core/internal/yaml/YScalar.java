package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scalar as written. {@code plain} is true for unquoted, non-block scalars, whose type is resolved by the YAML 1.2
 * core schema (null, bool, int, float); quoted and block scalars are always strings. {@code tag} is an explicit core
 * tag such as {@code tag:yaml.org,2002:str}, if one was written.
 */
public record YScalar(String value, boolean plain, Optional<String> tag, SourceSpan span) implements YNode {

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  public YScalar {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(span, "span");
  }

  /** True for a plain {@code null}, {@code ~} or empty scalar, or one tagged {@code !!null}. */
  public boolean isNull() {
    if (tag.isPresent()) {
      return tag.get().endsWith(":null");
    }
    return plain && NULLS.contains(value);
  }
}
