package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** {@code networking.istio.io} WorkloadEntry (a VM or other non-Kubernetes endpoint). */
public record WorkloadEntry(ResourceRef ref, ObjectMeta metadata, SourceSpan span, Spec spec) implements IstioResource {

  public WorkloadEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(spec, "spec");
  }

  /** The WorkloadEntry fields, also used by ServiceEntry {@code endpoints} and WorkloadGroup {@code template}. */
  public record Spec(
      Optional<Located<String>> address,
      Map<String, Located<Integer>> ports,
      Map<String, Located<String>> labels,
      Optional<Located<String>> network,
      Optional<Located<String>> locality,
      Optional<Located<Integer>> weight,
      Optional<Located<String>> serviceAccount,
      SourceSpan span) {

    public Spec {
      Objects.requireNonNull(address, "address");
      ports = Map.copyOf(ports);
      labels = Map.copyOf(labels);
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(locality, "locality");
      Objects.requireNonNull(weight, "weight");
      Objects.requireNonNull(serviceAccount, "serviceAccount");
      Objects.requireNonNull(span, "span");
    }

    /** Labels without positions, sorted by key. */
    public Map<String, String> labelValues() {
      Map<String, String> out = new TreeMap<>();
      labels.forEach((k, v) -> out.put(k, v.value()));
      return out;
    }
  }
}
