package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The MeshConfig fields istio-lint reads, as written in the {@code istio} ConfigMap's {@code data.mesh}, an
 * IstioOperator's {@code spec.meshConfig} or a {@code --mesh-config} file. Absent fields are empty; defaults are
 * applied by the snapshot's mesh settings, per Istio version. {@code span} is the block the values came from.
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
    SourceSpan span) {

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
  }

  /** A MeshConfig with no field set. */
  public static MeshConfig empty(SourceSpan span) {
    return new MeshConfig(
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), span);
  }
}
