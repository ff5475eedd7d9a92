package dev.istiolint.rules.internal;

import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.Located;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workloads a Gateway's selector picks, in any namespace (Istio's default gateway scoping). */
public final class GatewayWorkloads {

  private GatewayWorkloads() {}

  /** True when the input defines gateway proxies at all; otherwise gateway selectors cannot be judged. */
  public static boolean inputHasGatewayWorkloads(MeshSnapshot mesh) {
    return mesh.workloads().stream().anyMatch(Workload::gateway);
  }

  /** The workloads whose labels contain every entry of the Gateway's selector (none for an empty selector). */
  public static List<Workload> selectedBy(MeshSnapshot mesh, Gateway gw) {
    Map<String, String> selector = gw.selectorValues();
    if (selector.isEmpty()) {
      return List.of();
    }
    return mesh.workloadsMatchingAnywhere(selector);
  }

  /** Where to report about the selector: its first label value, else the resource name. */
  public static Located<String> selectorField(Gateway gw) {
    Optional<Located<String>> first =
        gw.selector().values().stream().min((a, b) -> a.span().compareTo(b.span()));
    return first.orElse(gw.metadata().name());
  }

  /** {@code k=v,k2=v2}, as istioctl prints selectors. */
  public static String selectorText(Gateway gw) {
    StringBuilder sb = new StringBuilder();
    gw.selectorValues().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }
}
