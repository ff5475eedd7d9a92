package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code networking.istio.io/v1beta1} ProxyConfig: selector, concurrency, environment variable names, image type. */
public record ProxyConfig(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> selector,
    Optional<Located<Integer>> concurrency,
    List<Located<String>> environmentVariables,
    Optional<Located<String>> imageType)
    implements IstioResource {

  public ProxyConfig {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(concurrency, "concurrency");
    environmentVariables = List.copyOf(environmentVariables);
    Objects.requireNonNull(imageType, "imageType");
  }
}
