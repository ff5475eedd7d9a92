package dev.istiolint.core.engine.tls;

import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The DestinationRule indexes of tls-semantics §1.4 and §2: per namespace the rules usable locally and the rules it
 * exports, the root-local index, and (1.0) the global set. A lookup touches only the tables of the client, service
 * and root namespaces, and inside a table only the hosts that can match (the host itself and its wildcard
 * suffixes), so its cost does not grow with the number of rules.
 */
final class DrIndex {

  private static final Comparator<DestinationRule> ISTIO_ORDER =
      Comparator.comparing((DestinationRule r) -> selectorRule(r) ? 0 : 1)
          .thenComparing(r -> r.metadata().creationTimestamp().orElse(""))
          .thenComparing(DestinationRule::name)
          .thenComparing(DestinationRule::namespace);

  private final Profile profile;
  private final MeshInputs mesh;
  private final Map<String, HostTable> local = new HashMap<>();
  private final Map<String, HostTable> exported = new HashMap<>();
  private final Map<String, HostTable> all = new HashMap<>();
  private final HostTable rootLocal = new HostTable();
  private final HostTable global = new HostTable();
  private final Map<HostName, Set<String>> namespacesByHost = new HashMap<>();
  private final Map<String, Map<HostName, Set<String>>> exportNames = new HashMap<>();

  /** The rules of one index, by expanded host, each list in Istio's merge order. */
  static final class HostTable {
    final Map<HostName, List<DestinationRule>> byHost = new HashMap<>();

    void add(DestinationRule r) {
      byHost.computeIfAbsent(r.hostName(), k -> new ArrayList<>()).add(r);
    }

    void sort() {
      byHost.values().forEach(l -> l.sort(ISTIO_ORDER));
    }

    /** The most specific host with at least one rule left after {@code keep}, and those rules. */
    Optional<Map.Entry<HostName, List<DestinationRule>>> best(HostName service, Set<DestinationRule> excluded) {
      for (HostName h : candidates(service)) {
        List<DestinationRule> rules = byHost.get(h);
        if (rules == null) {
          continue;
        }
        List<DestinationRule> left = rules.stream().filter(r -> !excluded.contains(r)).toList();
        if (!left.isEmpty()) {
          return Optional.of(Map.entry(h, left));
        }
      }
      return Optional.empty();
    }
  }

  /** A lookup result: the consolidated rules of the chosen host, and every step taken. */
  record Lookup(List<MergedRule> entries, Optional<HostName> host, List<String> steps, List<Exclusion> exclusions) {}

  /** A rule that matched the host but was not usable for this client, and why. */
  record Exclusion(DestinationRule rule, SourceSpan at, String why) {}

  /** The one rule a client workload gets from a lookup (SidecarScope.DestinationRule). */
  record Selection(Optional<MergedRule> rule, String step, List<MergedRule> shadowing) {}

  DrIndex(List<DestinationRule> rules, MeshInputs mesh, Consumer<IgnoredConfig> notes) {
    this.profile = mesh.profile;
    this.mesh = mesh;
    for (DestinationRule r : rules) {
      if (r.host().value().isEmpty()) {
        continue;
      }
      all.computeIfAbsent(r.namespace(), k -> new HostTable()).add(r);
      namespacesByHost.computeIfAbsent(r.hostName(), k -> new java.util.HashSet<>()).add(r.namespace());
      if (!r.exportToValues().isEmpty()) {
        exportNames.computeIfAbsent(r.namespace(), k -> new HashMap<>())
            .computeIfAbsent(r.hostName(), k -> new java.util.HashSet<>())
            .addAll(r.exportToValues());
      }
      if (profile.globalDestinationRules()) {
        global.add(r);
        continue;
      }
      if (usableLocally(r)) {
        local.computeIfAbsent(r.namespace(), k -> new HostTable()).add(r);
      }
      if (!privateOnly(r)) {
        exported.computeIfAbsent(r.namespace(), k -> new HostTable()).add(r);
      } else if (r.namespace().equals(mesh.rootNamespace) && profile.rootLocalIndex()) {
        rootLocal.add(r);
      }
    }
    all.values().forEach(HostTable::sort);
    local.values().forEach(HostTable::sort);
    exported.values().forEach(HostTable::sort);
    rootLocal.sort();
    global.sort();
    reportDiscardedPolicies(notes);
  }

  /** The namespaces that hold a rule (usable or not) for {@code host} exactly. */
  Set<String> namespacesWithRulesFor(HostName host) {
    return namespacesByHost.getOrDefault(host, Set.of());
  }

  /** Every exportTo value written by a rule of {@code namespace} for {@code host} exactly. */
  Set<String> exportNames(String namespace, HostName host) {
    return exportNames.getOrDefault(namespace, Map.of()).getOrDefault(host, Set.of());
  }

  static String name(DestinationRule r) {
    return r.namespace() + "/" + r.name();
  }

  static boolean selectorRule(DestinationRule r) {
    return r.workloadSelector().map(s -> !s.isEmpty()).orElse(false);
  }

  private boolean hasSelector(DestinationRule r) {
    return profile.destinationRuleWorkloadSelector() && selectorRule(r);
  }

  /** The exportTo set Istio works with: the rule's, or the mesh default; selector rules are always private. */
  Set<String> exportSet(DestinationRule r) {
    if (hasSelector(r)) {
      return Set.of(".");
    }
    List<String> values = r.exportToValues();
    if (values.isEmpty()) {
      values = mesh.defaultDrExportTo;
    }
    if (profile.exportToFirstEntryOnly()) {
      return Set.of(values.get(0).equals(".") ? "." : "*");
    }
    return new LinkedHashSet<>(values);
  }

  boolean usableLocally(DestinationRule r) {
    if (profile.clientStepIgnoresExportTo()) {
      return true;
    }
    Set<String> s = exportSet(r);
    return s.contains("*") || s.contains(".") || s.contains(r.namespace());
  }

  boolean privateOnly(DestinationRule r) {
    if (hasSelector(r)) {
      return true;
    }
    List<String> values = r.exportToValues();
    if (profile.exportToFirstEntryOnly()) {
      return exportSet(r).contains(".");
    }
    if (values.isEmpty()) {
      return mesh.defaultDrExportTo.contains(".");
    }
    return values.size() == 1 && (values.get(0).equals(".") || values.get(0).equals(r.namespace()));
  }

  private boolean visibleTo(MergedRule m, String clientNs) {
    return m.exportTo.contains("*") || m.exportTo.contains(clientNs);
  }

  /** Wildcard suffixes of a host, most specific first: the host, {@code *.b.c}, {@code *.c}, {@code *}. */
  static List<HostName> candidates(HostName service) {
    List<HostName> out = new ArrayList<>();
    out.add(service);
    String v = service.value();
    for (int i = service.isWildcard() ? 2 : 1; i < v.length(); i++) {
      if (v.charAt(i) == '.') {
        out.add(HostName.of("*" + v.substring(i)));
      }
    }
    if (!v.equals("*")) {
      out.add(HostName.of("*"));
    }
    return out;
  }

  /** Merges one host's rules of one index (§2.3), reporting discarded trafficPolicies to {@code discarded}. */
  List<MergedRule> merge(List<DestinationRule> sorted, Consumer<MergeLoss> discarded) {
    List<MergedRule> out = new ArrayList<>();
    for (DestinationRule r : sorted) {
      boolean add = true;
      boolean sel = hasSelector(r);
      Set<String> exp = exportSet(r);
      for (MergedRule m : out) {
        if (profile.mergeOnlySameExportTo() && !m.exportTo.equals(exp)) {
          continue;
        }
        boolean mSel = profile.destinationRuleWorkloadSelector() && m.hasSelector();
        boolean same = sel && mSel && m.selector().get().labelValues().equals(r.workloadSelector().get().labelValues());
        if (sel && mSel && !same) {
          continue;
        }
        if ((!sel && !mSel) || same) {
          add = false;
        }
        if (profile.globalDestinationRules() && r.subsets().isEmpty()) {
          // 1.0.x adopts a later rule's policy only while walking its subsets
          m.from.add(r);
          if (r.trafficPolicy().isPresent() && !mSel) {
            discarded.accept(new MergeLoss(r, m));
          }
          continue;
        }
        boolean lost = m.absorb(r);
        if (lost && !mSel) {
          discarded.accept(new MergeLoss(r, m));
        }
      }
      if (add) {
        out.add(new MergedRule(r, exp));
      }
    }
    return out;
  }

  /** A newer rule whose trafficPolicy lost to an older one. */
  record MergeLoss(DestinationRule newer, MergedRule into) {}

  private void reportDiscardedPolicies(Consumer<IgnoredConfig> notes) {
    List<HostTable> tables = new ArrayList<>();
    if (profile.globalDestinationRules()) {
      tables.add(global);
    } else {
      tables.addAll(local.values());
      tables.addAll(exported.values());
      tables.add(rootLocal);
    }
    Set<DestinationRule> seen = new java.util.HashSet<>();
    for (HostTable t : tables) {
      for (List<DestinationRule> rules : t.byHost.values()) {
        if (rules.size() < 2) {
          continue;
        }
        merge(
            rules,
            loss -> {
              DestinationRule winner = loss.into().policySource;
              if (!winner.id().equals(loss.newer().id()) && seen.add(loss.newer())) {
                notes.accept(
                    new IgnoredConfig(
                        IgnoredConfig.Cause.MERGED_POLICY_DISCARDED,
                        loss.newer(),
                        loss.newer().trafficPolicy().get().span(),
                        "the trafficPolicy of DestinationRule " + name(loss.newer()) + " is discarded: it is merged with"
                            + " the older DestinationRule " + name(winner) + " for the same host "
                            + loss.newer().hostName() + ", and only the oldest trafficPolicy is kept as a whole;"
                            + " put the settings into " + name(winner) + " and delete this one",
                        List.of(
                            dev.istiolint.core.diag.RelatedLocation.of(
                                winner.trafficPolicy().map(DestinationRule.TrafficPolicy::span)
                                    .orElse(winner.nameSpan()),
                                "the trafficPolicy that is kept",
                                winner.ref()))));
              }
            });
      }
    }
  }

  /** Finds the rules for {@code dest} as seen from {@code clientNs}, skipping {@code excluded} rules. */
  Lookup lookup(String clientNs, Destination dest, Set<DestinationRule> excluded) {
    List<String> steps = new ArrayList<>();
    HostName host = dest.host();
    if (profile.globalDestinationRules()) {
      Optional<Map.Entry<HostName, List<DestinationRule>>> best = global.best(host, excluded);
      if (best.isPresent()) {
        List<MergedRule> merged = merge(best.get().getValue(), x -> {});
        steps.add(
            "Istio 1.0 treats DestinationRules as global: the most specific host among all rules of the mesh is "
                + best.get().getKey() + " (" + merged.get(0).describe() + ")");
        if (best.get().getValue().size() > 1) {
          steps.add(
              "several rules share that host; 1.0.1 and later merge them and keep the oldest trafficPolicy"
                  + " (1.0.0 kept the newest rule instead)");
        }
        return new Lookup(merged, Optional.of(best.get().getKey()), steps, List.of());
      }
      steps.add("Istio 1.0 treats DestinationRules as global: no rule in the mesh matches " + host);
      return new Lookup(List.of(), Optional.empty(), steps, List.of());
    }
    String root = mesh.rootNamespace;
    if (!clientNs.equals(root)) {
      Optional<Map.Entry<HostName, List<DestinationRule>>> best =
          Optional.ofNullable(local.get(clientNs)).flatMap(t -> t.best(host, excluded));
      if (best.isPresent()) {
        List<MergedRule> merged = merge(best.get().getValue(), x -> {});
        steps.add(
            "lookup step 1 (client namespace " + clientNs + "): " + describeAll(merged) + " for host "
                + best.get().getKey() + " is usable in " + clientNs + "; the service and root namespaces are not"
                + " consulted");
        return new Lookup(merged, Optional.of(best.get().getKey()), steps, List.of());
      }
      steps.add("lookup step 1 (client namespace " + clientNs + "): no rule usable in " + clientNs + " matches " + host);
    } else if (profile.rootLocalIndex()) {
      Optional<Map.Entry<HostName, List<DestinationRule>>> best = rootLocal.best(host, excluded);
      if (best.isPresent()) {
        List<MergedRule> merged = merge(best.get().getValue(), x -> {});
        steps.add(
            "lookup step 1 (proxy in the root namespace " + root + "): the private root rule " + describeAll(merged)
                + " for host " + best.get().getKey() + " applies");
        return new Lookup(merged, Optional.of(best.get().getKey()), steps, List.of());
      }
      steps.add(
          "lookup step 1 (proxy in the root namespace " + root + "): no private (exportTo \".\") root rule matches "
              + host + "; public root rules are not considered at this step");
    } else {
      steps.add("lookup step 1 skipped: Istio " + profile.label() + " skips it for proxies in the root namespace");
    }
    Lookup fromService = exportedLookup(2, dest.namespace(), clientNs, host, excluded, steps);
    if (!fromService.entries().isEmpty()) {
      return fromService;
    }
    Lookup fromRoot = exportedLookup(3, root, clientNs, host, excluded, steps);
    if (!fromRoot.entries().isEmpty()) {
      return fromRoot;
    }
    steps.add("no DestinationRule applies to " + host + " for clients in " + clientNs);
    List<Exclusion> exclusions = new ArrayList<>(fromService.exclusions());
    exclusions.addAll(fromRoot.exclusions());
    exclusions.addAll(localExclusions(clientNs, host, excluded));
    exclusions.addAll(privateExclusions(dest.namespace(), clientNs, host, excluded));
    if (!root.equals(dest.namespace())) {
      exclusions.addAll(privateExclusions(root, clientNs, host, excluded));
    }
    return new Lookup(List.of(), Optional.empty(), steps, dedupe(exclusions));
  }

  private static List<Exclusion> dedupe(List<Exclusion> in) {
    Map<DestinationRule, Exclusion> out = new java.util.LinkedHashMap<>();
    in.forEach(e -> out.putIfAbsent(e.rule(), e));
    return List.copyOf(out.values());
  }

  private Lookup exportedLookup(
      int step, String ns, String clientNs, HostName host, Set<DestinationRule> excluded, List<String> steps) {
    String what = step == 2 ? "service namespace " + ns : "root namespace " + ns;
    Optional<Map.Entry<HostName, List<DestinationRule>>> best =
        Optional.ofNullable(exported.get(ns)).flatMap(t -> t.best(host, excluded));
    if (best.isEmpty()) {
      steps.add("lookup step " + step + " (" + what + "): no exported rule matches " + host);
      return new Lookup(List.of(), Optional.empty(), steps, List.of());
    }
    List<MergedRule> merged = merge(best.get().getValue(), x -> {});
    List<MergedRule> visible = merged.stream().filter(m -> visibleTo(m, clientNs)).toList();
    if (!visible.isEmpty()) {
      steps.add(
          "lookup step " + step + " (" + what + "): " + describeAll(visible) + " for host " + best.get().getKey()
              + " is exported to " + clientNs);
      return new Lookup(visible, Optional.of(best.get().getKey()), steps, List.of());
    }
    List<Exclusion> ex = new ArrayList<>();
    for (MergedRule m : merged) {
      DestinationRule r = m.first();
      ex.add(new Exclusion(r, exportSpan(r), "its exportTo " + m.exportTo + " does not include " + clientNs));
    }
    steps.add(
        "lookup step " + step + " (" + what + "): the most specific exported host " + best.get().getKey() + " ("
            + describeAll(merged) + ") is not exported to " + clientNs
            + "; Istio does not try a less specific host there");
    return new Lookup(List.of(), Optional.empty(), steps, ex);
  }

  private SourceSpan exportSpan(DestinationRule r) {
    return r.exportTo().isEmpty() ? r.nameSpan() : r.exportTo().get(0).span();
  }

  private List<Exclusion> localExclusions(String clientNs, HostName host, Set<DestinationRule> excluded) {
    List<Exclusion> out = new ArrayList<>();
    Optional.ofNullable(all.get(clientNs))
        .flatMap(t -> t.best(host, excluded))
        .ifPresent(
            e -> {
              for (DestinationRule r : e.getValue()) {
                if (!usableLocally(r)) {
                  out.add(
                      new Exclusion(
                          r, exportSpan(r),
                          "its exportTo " + r.exportToValues() + " does not include its own namespace " + clientNs));
                }
              }
            });
    return out;
  }

  private List<Exclusion> privateExclusions(String ns, String clientNs, HostName host, Set<DestinationRule> excluded) {
    List<Exclusion> out = new ArrayList<>();
    if (ns.equals(clientNs)) {
      return out;
    }
    Optional.ofNullable(all.get(ns))
        .flatMap(t -> t.best(host, excluded))
        .ifPresent(
            e -> {
              for (DestinationRule r : e.getValue()) {
                if (privateOnly(r) && !hasSelector(r)) {
                  String why =
                      r.exportToValues().isEmpty()
                          ? "it has no exportTo and " + mesh.defaultExportReason + " makes it private to " + ns
                          : "its exportTo " + r.exportToValues() + " keeps it private to " + ns;
                  out.add(new Exclusion(r, exportSpan(r), why));
                }
              }
            });
    return out;
  }

  private static String describeAll(List<MergedRule> merged) {
    List<String> parts = new ArrayList<>();
    merged.forEach(m -> parts.add(m.describe()));
    return String.join(" and ", parts);
  }

  /** Picks the one rule a client workload uses from a lookup result (§2.1, SidecarScope.DestinationRule). */
  Selection select(Lookup lookup, Workload client) {
    List<MergedRule> entries = lookup.entries();
    if (entries.isEmpty()) {
      return new Selection(Optional.empty(), "", List.of());
    }
    List<MergedRule> selectors = new ArrayList<>();
    MergedRule lastPlain = null;
    for (MergedRule m : entries) {
      if (profile.destinationRuleWorkloadSelector() && m.hasSelector()) {
        if (m.first().namespace().equals(client.namespace()) && m.selector().get().matches(client.labelValues())) {
          return new Selection(
              Optional.of(m),
              "the workloadSelector of " + m.describe() + " matches " + client.source().kind() + " "
                  + client.namespace() + "/" + client.name(),
              List.of());
        }
        selectors.add(m);
      } else {
        lastPlain = m;
      }
    }
    if (lastPlain != null) {
      String step =
          entries.size() > 1 && entries.stream().filter(m -> !m.hasSelector()).count() > 1
              ? "several rules for the host stay separate (different exportTo, Istio 1.24+); the newest, "
                  + lastPlain.describe() + ", wins"
              : "";
      return new Selection(Optional.of(lastPlain), step, List.of());
    }
    return new Selection(
        Optional.empty(),
        "only workloadSelector rules (" + describeAll(selectors) + ") match the host and none selects "
            + client.source().kind() + " " + client.namespace() + "/" + client.name()
            + "; the lookup stops there, so this client gets no DestinationRule at all",
        selectors);
  }

  /** The position to report a rule's exportTo at. */
  static SourceSpan exportToSpan(DestinationRule r) {
    return r.exportTo().isEmpty() ? r.nameSpan() : r.exportTo().get(0).span();
  }

  static Optional<Located<String>> firstExportTo(DestinationRule r) {
    return r.exportTo().isEmpty() ? Optional.empty() : Optional.of(r.exportTo().get(0));
  }
}
