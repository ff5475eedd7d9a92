package dev.istiolint.rules.internal;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import java.util.List;
import java.util.Optional;

/** Which workloads a namespaced policy's selector picks (Sidecar, Telemetry, AuthorizationPolicy, ...). */
public final class WorkloadSelection {

  private WorkloadSelection() {}

  /** True when the selector is absent or selects nothing in particular (no labels, no expressions). */
  public static boolean isEmpty(Optional<LabelSelector> selector) {
    return selector.isEmpty() || selector.get().isEmpty();
  }

  /** The workloads of {@code namespace} the selector picks; every workload of the namespace when it is empty. */
  public static List<Workload> selected(MeshSnapshot mesh, String namespace, Optional<LabelSelector> selector) {
    if (isEmpty(selector)) {
      return mesh.workloadsIn(namespace);
    }
    return mesh.workloadsMatching(namespace, selector.get());
  }

  /** Where to report about a selector: its first label value, else the resource's name. */
  public static Located<String> field(Optional<LabelSelector> selector, Resource owner) {
    if (selector.isPresent()) {
      Optional<Located<String>> first =
          selector.get().matchLabels().values().stream().min((a, b) -> a.span().compareTo(b.span()));
      if (first.isPresent()) {
        return first.get();
      }
    }
    return owner.metadata().name();
  }

  /** {@code k=v,k2=v2} for messages. */
  public static String text(LabelSelector selector) {
    StringBuilder sb = new StringBuilder();
    selector.labelValues().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }

  /** {@code ns/name}, or the bare name when the namespace is empty. */
  public static String qualified(Resource r) {
    return r.namespace().isEmpty() ? r.name() : r.namespace() + "/" + r.name();
  }
}
