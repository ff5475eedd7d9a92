package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code extensions.istio.io} WasmPlugin. {@code phase} is {@code UNSET} when absent or UNSPECIFIED_PHASE. */
public record WasmPlugin(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> selector,
    List<PolicyTargetReference> targetRefs,
    Optional<Located<String>> url,
    Optional<Located<String>> sha256,
    Optional<Located<String>> imagePullSecret,
    Optional<Located<String>> pluginName,
    Located<Phase> phase,
    Optional<Located<Integer>> priority,
    Optional<Located<String>> type)
    implements IstioResource {

  public WasmPlugin {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    targetRefs = List.copyOf(targetRefs);
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(imagePullSecret, "imagePullSecret");
    Objects.requireNonNull(pluginName, "pluginName");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(type, "type");
  }

  /** {@code PluginPhase}. */
  public enum Phase {
    UNSET,
    AUTHN,
    AUTHZ,
    STATS
  }
}
