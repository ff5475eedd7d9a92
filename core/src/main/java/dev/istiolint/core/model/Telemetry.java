package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code telemetry.istio.io} Telemetry: selector, target refs, which sections exist and the provider names used. */
public record Telemetry(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> selector,
    List<PolicyTargetReference> targetRefs,
    Optional<SourceSpan> tracing,
    Optional<SourceSpan> metrics,
    Optional<SourceSpan> accessLogging,
    List<Located<String>> providers,
    List<AccessLogging> accessLoggingEntries)
    implements IstioResource {

  public Telemetry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    targetRefs = List.copyOf(targetRefs);
    Objects.requireNonNull(tracing, "tracing");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(accessLogging, "accessLogging");
    providers = List.copyOf(providers);
    accessLoggingEntries = List.copyOf(accessLoggingEntries);
  }

  /** A Telemetry without per-entry access logging detail. */
  public Telemetry(
      ResourceRef ref,
      ObjectMeta metadata,
      SourceSpan span,
      Optional<LabelSelector> selector,
      List<PolicyTargetReference> targetRefs,
      Optional<SourceSpan> tracing,
      Optional<SourceSpan> metrics,
      Optional<SourceSpan> accessLogging,
      List<Located<String>> providers) {
    this(ref, metadata, span, selector, targetRefs, tracing, metrics, accessLogging, providers, List.of());
  }

  /** One {@code accessLogging[]} entry: its provider names and {@code disabled}. */
  public record AccessLogging(List<Located<String>> providers, Optional<Located<Boolean>> disabled, SourceSpan span) {
    public AccessLogging {
      providers = List.copyOf(providers);
      Objects.requireNonNull(disabled, "disabled");
      Objects.requireNonNull(span, "span");
    }
  }
}
