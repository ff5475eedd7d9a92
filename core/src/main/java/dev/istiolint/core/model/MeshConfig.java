package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The MeshConfig fields istio-lint reads, as written in the {@code istio} ConfigMap's {@code data.mesh}, an
 * IstioOperator's {@code spec.meshConfig} or a {@code --mesh-config} file. Absent fields are empty; defaults are
 * applied by the snapshot's mesh settings, per Istio version. {@code span} is the block the values came from.
 * {@code proxyMetadata} is {@code defaultConfig.proxyMetadata}; {@code defaultAccessLoggingProviders} is
 * {@code defaultProviders.accessLogging}.
 */
public record MeshConfig(
    Optional<Located<String>> rootNamespace,
    Optional<Located<Boolean>> enableAutoMtls,
    List<Located<String>> defaultDestinationRuleExportTo,
    List<Located<String>> defaultServiceExportTo,
    List<Located<String>> defaultVirtualServiceExportTo,
    Optional<Located<String>> trustDomain,
    Optional<Located<String>> authPolicy,
    Optional<Located<String>> outboundTrafficPolicyMode,
    SourceSpan span,
    Map<String, Located<String>> proxyMetadata,
    List<ExtensionProvider> extensionProviders,
    List<Located<String>> defaultAccessLoggingProviders) {

  /**
   * An {@code extensionProviders[]} entry: its name and its type, the key of the provider's settings
   * ({@code zipkin}, {@code opentelemetry}, {@code lightstep}, {@code envoyFileAccessLog}, ...).
   */
  public record ExtensionProvider(Located<String> name, String type) {
    public ExtensionProvider {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public MeshConfig {
    Objects.requireNonNull(rootNamespace, "rootNamespace");
    Objects.requireNonNull(enableAutoMtls, "enableAutoMtls");
    defaultDestinationRuleExportTo = List.copyOf(defaultDestinationRuleExportTo);
    defaultServiceExportTo = List.copyOf(defaultServiceExportTo);
    defaultVirtualServiceExportTo = List.copyOf(defaultVirtualServiceExportTo);
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(authPolicy, "authPolicy");
    Objects.requireNonNull(outboundTrafficPolicyMode, "outboundTrafficPolicyMode");
    Objects.requireNonNull(span, "span");
    proxyMetadata = Map.copyOf(proxyMetadata);
    extensionProviders = List.copyOf(extensionProviders);
    defaultAccessLoggingProviders = List.copyOf(defaultAccessLoggingProviders);
  }

  /** A MeshConfig without {@code defaultConfig.proxyMetadata} and extension providers. */
  public MeshConfig(
      Optional<Located<String>> rootNamespace,
      Optional<Located<Boolean>> enableAutoMtls,
      List<Located<String>> defaultDestinationRuleExportTo,
      List<Located<String>> defaultServiceExportTo,
      List<Located<String>> defaultVirtualServiceExportTo,
      Optional<Located<String>> trustDomain,
      Optional<Located<String>> authPolicy,
      Optional<Located<String>> outboundTrafficPolicyMode,
      SourceSpan span) {
    this(
        rootNamespace, enableAutoMtls, defaultDestinationRuleExportTo, defaultServiceExportTo,
        defaultVirtualServiceExportTo, trustDomain, authPolicy, outboundTrafficPolicyMode, span, Map.of(), List.of(),
        List.of());
  }

  /** A MeshConfig with no field set. */
  public static MeshConfig empty(SourceSpan span) {
    return new MeshConfig(
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), span);
  }
}
