package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** Kubernetes Namespace (cluster-scoped): its labels decide sidecar injection. */
public record Namespace(ResourceRef ref, ObjectMeta metadata, SourceSpan span) implements Resource {

  /** {@code istio-injection}. */
  public static final String INJECTION_LABEL = "istio-injection";
  /** {@code istio.io/rev}. */
  public static final String REVISION_LABEL = "istio.io/rev";

  public Namespace {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
  }

  /** The {@code istio-injection} label with its position. */
  public Optional<Located<String>> injectionLabel() {
    return Optional.ofNullable(metadata.labels().get(INJECTION_LABEL));
  }

  /** The {@code istio.io/rev} label with its position. */
  public Optional<Located<String>> revisionLabel() {
    return Optional.ofNullable(metadata.labels().get(REVISION_LABEL));
  }
}
