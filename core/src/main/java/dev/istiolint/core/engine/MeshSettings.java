package dev.istiolint.core.engine;

import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mesh-wide settings the analyses depend on, each with where it came from: a {@code --mesh-config} file, the
 * {@code istio} ConfigMap ({@code data.mesh}), an IstioOperator ({@code spec.meshConfig}, or for auto mTLS the 1.4/1.5
 * value {@code values.global.mtls.auto}), else the default of the chosen Istio version.
 *
 * @param rootNamespace {@code rootNamespace}, default {@code istio-system}
 * @param enableAutoMtls {@code enableAutoMtls}; version default false up to 1.4, true from 1.5 (the 1.5 install
 *     profiles set {@code global.mtls.auto: true}; only the 1.5 code default was false), true from 1.6
 * @param defaultDestinationRuleExportTo {@code defaultDestinationRuleExportTo}, default {@code ["*"]}
 * @param trustDomain {@code trustDomain}, default {@code cluster.local}
 * @param authPolicy Istio 1.0's {@code authPolicy} ({@code NONE} or {@code MUTUAL_TLS}), default {@code NONE}
 * @param defaultServiceExportTo {@code defaultServiceExportTo}, default {@code ["*"]}
 * @param defaultVirtualServiceExportTo {@code defaultVirtualServiceExportTo}, default {@code ["*"]}
 */
public record MeshSettings(
    Setting<String> rootNamespace,
    Setting<Boolean> enableAutoMtls,
    Setting<List<String>> defaultDestinationRuleExportTo,
    Setting<String> trustDomain,
    Setting<String> authPolicy,
    Setting<List<String>> defaultServiceExportTo,
    Setting<List<String>> defaultVirtualServiceExportTo) {

  /** Settings with the Service and VirtualService exportTo defaults ({@code ["*"]}). */
  public MeshSettings(
      Setting<String> rootNamespace,
      Setting<Boolean> enableAutoMtls,
      Setting<List<String>> defaultDestinationRuleExportTo,
      Setting<String> trustDomain,
      Setting<String> authPolicy) {
    this(
        rootNamespace,
        enableAutoMtls,
        defaultDestinationRuleExportTo,
        trustDomain,
        authPolicy,
        defaultSetting(List.of("*"), "defaultServiceExportTo defaults to [\"*\"]"),
        defaultSetting(List.of("*"), "defaultVirtualServiceExportTo defaults to [\"*\"]"));
  }

  /** A setting that holds a version default. */
  public static <T> Setting<T> defaultSetting(T value, String why) {
    return new Setting<>(value, new Source(Origin.DEFAULT, why, Optional.empty(), Optional.empty()));
  }

  public MeshSettings {
    Objects.requireNonNull(rootNamespace, "rootNamespace");
    Objects.requireNonNull(enableAutoMtls, "enableAutoMtls");
    Objects.requireNonNull(defaultDestinationRuleExportTo, "defaultDestinationRuleExportTo");
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(authPolicy, "authPolicy");
    Objects.requireNonNull(defaultServiceExportTo, "defaultServiceExportTo");
    Objects.requireNonNull(defaultVirtualServiceExportTo, "defaultVirtualServiceExportTo");
  }

  /** The root namespace's value. */
  public String root() {
    return rootNamespace.value();
  }

  /** True when auto mTLS is on. */
  public boolean autoMtls() {
    return enableAutoMtls.value();
  }

  /** True when the mesh default exportTo for DestinationRules makes rules private ({@code .} in the default). */
  public boolean destinationRulesPrivateByDefault() {
    return defaultDestinationRuleExportTo.value().contains(".");
  }

  /** Where a setting came from. */
  public enum Origin {
    /** The chosen Istio version's default. */
    DEFAULT,
    /** A {@code --mesh-config} file. */
    MESH_CONFIG_FILE,
    /** The {@code istio} ConfigMap's {@code data.mesh}. */
    CONFIG_MAP,
    /** An IstioOperator. */
    ISTIO_OPERATOR
  }

  /**
   * Provenance of a setting: the origin, a sentence for explanations, the field's position (none for defaults), and
   * the resource (for ConfigMap and IstioOperator).
   */
  public record Source(Origin origin, String description, Optional<SourceSpan> span, Optional<ResourceRef> resource) {
    public Source {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(span, "span");
      Objects.requireNonNull(resource, "resource");
    }
  }

  /** A value and its provenance. */
  public record Setting<T>(T value, Source source) {
    public Setting {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }

    /** True when the value is the version default (nothing in the input set it). */
    public boolean isDefault() {
      return source.origin() == Origin.DEFAULT;
    }
  }
}
