package dev.istiolint.rules.internal;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The checks istioctl runs for every "one per workload" policy kind (Sidecar, Telemetry): several resources without
 * selector in one namespace, several with selectors picking the same workload, and selectors picking nothing.
 */
public final class SelectorConflicts {

  private SelectorConflicts() {}

  /** Reports each resource of a namespace that has other selector-less resources of its kind there. */
  public static <T extends Resource> void multipleDefaults(
      RuleContext ctx, List<T> resources, Function<T, Optional<LabelSelector>> selector, String kind) {
    Map<String, List<T>> byNamespace = new LinkedHashMap<>();
    for (T r : resources) {
      if (WorkloadSelection.isEmpty(selector.apply(r))) {
        byNamespace.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
      }
    }
    for (List<T> group : byNamespace.values()) {
      if (group.size() < 2) {
        continue;
      }
      for (T r : group) {
        TreeSet<String> others = new TreeSet<>();
        List<RelatedLocation> related = new ArrayList<>();
        for (T o : group) {
          if (o != r) {
            others.add(WorkloadSelection.qualified(o));
            related.add(RelatedLocation.of(o.nameSpan(), "also has no selector", o.ref()));
          }
        }
        ctx.report(
            r,
            r.metadata().name(),
            kind
                + " "
                + WorkloadSelection.qualified(r)
                + " has no workload selector, and neither has "
                + String.join(", ", others)
                + " in namespace "
                + r.namespace()
                + "; only one namespace-wide "
                + kind
                + " takes effect, merge them or add selectors",
            related);
      }
    }
  }

  /** Reports each resource whose selector picks a workload another resource's selector also picks. */
  public static <T extends Resource> void overlappingSelectors(
      RuleContext ctx, List<T> resources, Function<T, Optional<LabelSelector>> selector, String kind) {
    MeshSnapshot mesh = ctx.mesh();
    Map<T, List<Workload>> picks = new LinkedHashMap<>();
    for (T r : resources) {
      if (!WorkloadSelection.isEmpty(selector.apply(r))) {
        picks.put(r, WorkloadSelection.selected(mesh, r.namespace(), selector.apply(r)));
      }
    }
    // the resources that pick each workload, so overlaps are found per workload, not by comparing all pairs
    Map<ResourceId, List<T>> pickers = new HashMap<>();
    picks.forEach((r, ws) -> ws.forEach(w -> pickers.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(r)));
    for (Map.Entry<T, List<Workload>> e : picks.entrySet()) {
      T r = e.getKey();
      TreeSet<String> others = new TreeSet<>();
      TreeSet<String> workloads = new TreeSet<>();
      for (Workload w : e.getValue()) {
        for (T o : pickers.get(w.id())) {
          if (o != r && o.namespace().equals(r.namespace())) {
            others.add(WorkloadSelection.qualified(o));
            workloads.add(w.name());
          }
        }
      }
      if (!others.isEmpty()) {
        ctx.report(
            r,
            WorkloadSelection.field(selector.apply(r), r),
            kind
                + " "
                + WorkloadSelection.qualified(r)
                + " selects workload "
                + String.join(", ", workloads)
                + ", which "
                + String.join(", ", others)
                + " also selects; a workload uses only one "
                + kind
                + ", make the selectors disjoint or merge the resources");
      }
    }
  }

  /** Reports each resource whose selector picks no workload in its namespace. */
  public static <T extends Resource> void selectsNothing(
      RuleContext ctx, List<T> resources, Function<T, Optional<LabelSelector>> selector, String kind) {
    if (ctx.mesh().workloads().isEmpty()) {
      if (resources.stream().anyMatch(r -> !WorkloadSelection.isEmpty(selector.apply(r)))) {
        ctx.notApplicable(
            "the input has no workloads (Deployments, Pods, ...), so " + kind + " selectors cannot be checked");
      }
      return;
    }
    for (T r : resources) {
      Optional<LabelSelector> s = selector.apply(r);
      if (WorkloadSelection.isEmpty(s)) {
        continue;
      }
      if (WorkloadSelection.selected(ctx.mesh(), r.namespace(), s).isEmpty()) {
        ctx.report(
            r,
            WorkloadSelection.field(s, r),
            kind
                + " selector "
                + WorkloadSelection.text(s.get())
                + " matches no workload in namespace "
                + r.namespace()
                + " (selectors never reach other namespaces); fix the labels or move the "
                + kind);
      }
    }
  }
}
