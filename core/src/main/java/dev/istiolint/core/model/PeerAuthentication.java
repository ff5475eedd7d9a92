package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code security.istio.io} PeerAuthentication (v1beta1, v1). */
public record PeerAuthentication(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> selector,
    Optional<MutualTLS> mtls,
    List<PortMtls> portLevelMtls)
    implements IstioResource {

  public PeerAuthentication {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(mtls, "mtls");
    portLevelMtls = List.copyOf(portLevelMtls);
  }

  /** The top-level mode: {@code UNSET} when {@code mtls} or its {@code mode} is absent. */
  public MtlsMode mode() {
    return mtls.map(m -> m.mode().value()).orElse(MtlsMode.UNSET);
  }

  /** True when there is no selector or it is empty (a namespace- or mesh-wide policy). */
  public boolean isSelectorLess() {
    return selector.map(LabelSelector::isEmpty).orElse(true);
  }

  /** The {@code portLevelMtls} entry for this workload port, if any. */
  public Optional<PortMtls> portLevel(int workloadPort) {
    return portLevelMtls.stream().filter(p -> p.port().value() == workloadPort).findFirst();
  }

  /** {@code mtls}; {@code mode} is {@code UNSET} (located at the block) when not written. */
  public record MutualTLS(Located<MtlsMode> mode, SourceSpan span) {
    public MutualTLS {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(span, "span");
    }
  }

  /** One {@code portLevelMtls} entry: the key (a workload port) and its mode. */
  public record PortMtls(Located<Integer> port, Located<MtlsMode> mode, SourceSpan span) {
    public PortMtls {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(span, "span");
    }
  }
}
