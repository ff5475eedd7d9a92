package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes Secret: its type and the names of its keys ({@code data} and {@code stringData}). Values are never kept;
 * for the public certificate keys ({@code tls.crt}, {@code cert}, {@code ca.crt}, {@code cacert}) only what a check
 * needs is derived: whether the value is a readable X.509 certificate, and until when it is valid.
 */
public record Secret(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<Located<String>> type,
    List<Located<String>> keys,
    Map<String, Certificate> certificates)
    implements Resource {

  /** What a certificate key holds: a readable certificate (and its end of validity), or not. */
  public record Certificate(boolean readable, Optional<Instant> notAfter) {
    public Certificate {
      Objects.requireNonNull(notAfter, "notAfter");
    }
  }

  /** A Secret without certificate details. */
  public Secret(
      ResourceRef ref, ObjectMeta metadata, SourceSpan span, Optional<Located<String>> type, List<Located<String>> keys) {
    this(ref, metadata, span, type, keys, Map.of());
  }

  public Secret {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(type, "type");
    keys = List.copyOf(keys);
    certificates = Map.copyOf(certificates);
  }

  /** True when a key with this name exists. */
  public boolean hasKey(String key) {
    return keys.stream().anyMatch(k -> k.value().equals(key));
  }
}
