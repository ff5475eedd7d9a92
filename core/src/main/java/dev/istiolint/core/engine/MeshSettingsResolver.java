package dev.istiolint.core.engine;

import dev.istiolint.core.model.ConfigMap;
import dev.istiolint.core.model.IstioOperator;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.Resource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@link MeshSettings} field by field: a {@code --mesh-config} file wins, then the {@code istio} ConfigMap
 * (the one in {@code istio-system} first), then an IstioOperator, then the version default.
 */
final class MeshSettingsResolver {

  private MeshSettingsResolver() {}

  static MeshSettings resolve(List<Resource> resources, IstioVersion version, Optional<MeshConfig> file) {
    Optional<ConfigMap> cm = meshConfigMap(resources);
    Optional<IstioOperator> iop =
        resources.stream()
            .filter(IstioOperator.class::isInstance)
            .map(IstioOperator.class::cast)
            .sorted(Comparator.comparing(IstioOperator::id))
            .findFirst();
    Candidates c = new Candidates(file, cm, iop);

    MeshSettings.Setting<String> root =
        c.pick(MeshConfig::rootNamespace)
            .orElse(def("istio-system", "rootNamespace defaults to istio-system"));
    MeshSettings.Setting<Boolean> auto = c.pick(MeshConfig::enableAutoMtls).orElse(null);
    if (auto == null && iop.isPresent() && iop.get().valuesGlobalMtlsAuto().isPresent()) {
      Located<Boolean> v = iop.get().valuesGlobalMtlsAuto().get();
      auto =
          new MeshSettings.Setting<>(
              v.value(),
              new MeshSettings.Source(
                  MeshSettings.Origin.ISTIO_OPERATOR,
                  "values.global.mtls.auto of " + iop.get().id(),
                  Optional.of(v.span()),
                  Optional.of(iop.get().ref())));
    }
    if (auto == null) {
      auto = autoMtlsDefault(version);
    }
    MeshSettings.Setting<List<String>> exportTo =
        c.pickList(MeshConfig::defaultDestinationRuleExportTo)
            .orElse(def(List.of("*"), "defaultDestinationRuleExportTo defaults to [\"*\"] (rules are public)"));
    MeshSettings.Setting<String> trust =
        c.pick(MeshConfig::trustDomain).orElse(def("cluster.local", "trustDomain defaults to cluster.local"));
    MeshSettings.Setting<String> authPolicy =
        c.pick(MeshConfig::authPolicy).orElse(def("NONE", "authPolicy defaults to NONE"));
    MeshSettings.Setting<List<String>> serviceExportTo =
        c.pickList(MeshConfig::defaultServiceExportTo)
            .orElse(def(List.of("*"), "defaultServiceExportTo defaults to [\"*\"]"));
    MeshSettings.Setting<List<String>> vsExportTo =
        c.pickList(MeshConfig::defaultVirtualServiceExportTo)
            .orElse(def(List.of("*"), "defaultVirtualServiceExportTo defaults to [\"*\"]"));
    return new MeshSettings(root, auto, exportTo, trust, authPolicy, serviceExportTo, vsExportTo);
  }

  /** The version default of enableAutoMtls (tls-semantics §4.1). */
  static MeshSettings.Setting<Boolean> autoMtlsDefault(IstioVersion v) {
    if (!v.atLeast(1, 4)) {
      return def(false, "auto mTLS does not exist in Istio " + v);
    }
    if (v.minor() == 4 && v.major() == 1) {
      return def(false, "enableAutoMtls defaults to false in Istio 1.4");
    }
    if (v.minor() == 5 && v.major() == 1) {
      return def(
          true,
          "enableAutoMtls is on in Istio 1.5 installs (global.mtls.auto: true in the install profiles; the code"
              + " default was still false)");
    }
    return def(true, "enableAutoMtls defaults to true since Istio 1.6");
  }

  private static <T> MeshSettings.Setting<T> def(T value, String why) {
    return MeshSettings.defaultSetting(value, why);
  }

  /** The ConfigMap {@code istio} with a parsed mesh config: istio-system first, then by namespace; else istio-<rev>. */
  static Optional<ConfigMap> meshConfigMap(List<Resource> resources) {
    return resources.stream()
        .filter(ConfigMap.class::isInstance)
        .map(ConfigMap.class::cast)
        .filter(cm -> cm.meshConfig().isPresent())
        .min(
            Comparator.comparing((ConfigMap cm) -> !cm.name().equals("istio"))
                .thenComparing(cm -> !cm.namespace().equals("istio-system"))
                .thenComparing(ConfigMap::id));
  }

  private record Candidates(Optional<MeshConfig> file, Optional<ConfigMap> cm, Optional<IstioOperator> iop) {

    <T> Optional<MeshSettings.Setting<T>> pick(Function<MeshConfig, Optional<Located<T>>> field) {
      if (file.isPresent()) {
        Optional<Located<T>> v = field.apply(file.get());
        if (v.isPresent()) {
          return Optional.of(
              new MeshSettings.Setting<>(
                  v.get().value(),
                  new MeshSettings.Source(
                      MeshSettings.Origin.MESH_CONFIG_FILE,
                      "set in the mesh config file " + v.get().span().file(),
                      Optional.of(v.get().span()),
                      Optional.empty())));
        }
      }
      if (cm.isPresent()) {
        Optional<Located<T>> v = field.apply(cm.get().meshConfig().orElseThrow());
        if (v.isPresent()) {
          return Optional.of(
              new MeshSettings.Setting<>(
                  v.get().value(),
                  new MeshSettings.Source(
                      MeshSettings.Origin.CONFIG_MAP,
                      "set in data.mesh of " + cm.get().id(),
                      Optional.of(v.get().span()),
                      Optional.of(cm.get().ref()))));
        }
      }
      if (iop.isPresent() && iop.get().meshConfig().isPresent()) {
        Optional<Located<T>> v = field.apply(iop.get().meshConfig().get());
        if (v.isPresent()) {
          return Optional.of(
              new MeshSettings.Setting<>(
                  v.get().value(),
                  new MeshSettings.Source(
                      MeshSettings.Origin.ISTIO_OPERATOR,
                      "set in spec.meshConfig of " + iop.get().id(),
                      Optional.of(v.get().span()),
                      Optional.of(iop.get().ref()))));
        }
      }
      return Optional.empty();
    }

    Optional<MeshSettings.Setting<List<String>>> pickList(Function<MeshConfig, List<Located<String>>> field) {
      return pick(
          mc -> {
            List<Located<String>> l = field.apply(mc);
            return l.isEmpty()
                ? Optional.empty()
                : Optional.of(Located.of(l.stream().map(Located::value).toList(), l.get(0).span()));
          });
    }
  }
}
