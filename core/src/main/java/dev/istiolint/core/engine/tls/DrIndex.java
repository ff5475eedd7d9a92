package dev.istiolint.core.engine.tls;

import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /** The merged form of each host's whole list, built on first use (lookups may run on several threads). */
    private final Map<HostName, List<MergedRule>> merged = new ConcurrentHashMap<>();

    void add(DestinationRule r) {
      byHost.computeIfAbsent(r.hostName(), k -> new ArrayList<>()).add(r);
    }

    void sort() {
      byHost.values().forEach(l -> l.sort(ISTIO_ORDER));
    }

    /**
     * The most specific of {@code candidates} with at least one rule not in {@code excluded} (compared by identity),
     * and those rules; null when there is none.
     */
    Best best(List<HostName> candidates, Set<DestinationRule> excluded) {
      for (HostName h : candidates) {
        List<DestinationRule> rules = byHost.get(h);
        if (rules == null) {
          continue;
        }
        if (excluded.isEmpty()) {
          return new Best(this, h, rules, true);
        }
        List<DestinationRule> left = null;
        for (int i = 0; i < rules.size(); i++) {
          DestinationRule r = rules.get(i);
          if (excluded.contains(r)) {
            if (left == null) {
              left = new ArrayList<>(rules.subList(0, i));
            }
          } else if (left != null) {
            left.add(r);
          }
        }
        if (left == null) {
          return new Best(this, h, rules, true);
        }
        if (!left.isEmpty()) {
          return new Best(this, h, List.copyOf(left), false);
        }
      }
      return null;
    }
  }

  /** The chosen host of one table and its rules; {@code whole} when no rule of the host was excluded. */
  record Best(HostTable table, HostName host, List<DestinationRule> rules, boolean whole) {}

  /** A set of rules compared by identity (a record's equals and hashCode would walk the whole rule). */
  static Set<DestinationRule> identitySet(Collection<DestinationRule> rules) {
    Set<DestinationRule> out = Collections.newSetFromMap(new IdentityHashMap<>(Math.max(2, rules.size())));
    out.addAll(rules);
    return out;
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
    out.forEach(MergedRule::freeze);
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

  /**
   * Finds the rules for {@code dest} as seen from {@code clientNs}, skipping {@code excluded} rules (a set compared by
   * identity, see {@link #identitySet}, or empty). The explanation steps are written only when {@code explain} is
   * true; otherwise {@link Lookup#steps()} is empty.
   */
  Lookup lookup(String clientNs, Destination dest, Set<DestinationRule> excluded, boolean explain) {
    List<String> steps = explain ? new ArrayList<>() : null;
    HostName host = dest.host();
    List<HostName> candidates = candidatesOf(host);
    if (profile.globalDestinationRules()) {
      Best best = global.best(candidates, excluded);
      if (best != null) {
        List<MergedRule> merged = merged(best);
        if (steps != null) {
          steps.add(
              "Istio 1.0 treats DestinationRules as global: the most specific host among all rules of the mesh is "
                  + best.host() + " (" + merged.get(0).describe() + ")");
          if (best.rules().size() > 1) {
            steps.add(
                "several rules share that host; 1.0.1 and later merge them and keep the oldest trafficPolicy"
                    + " (1.0.0 kept the newest rule instead)");
          }
        }
        return new Lookup(merged, Optional.of(best.host()), stepsOf(steps), List.of());
      }
      if (steps != null) {
        steps.add("Istio 1.0 treats DestinationRules as global: no rule in the mesh matches " + host);
      }
      return new Lookup(List.of(), Optional.empty(), stepsOf(steps), List.of());
    }
    String root = mesh.rootNamespace;
    if (!clientNs.equals(root)) {
      HostTable t = local.get(clientNs);
      Best best = t == null ? null : t.best(candidates, excluded);
      if (best != null) {
        List<MergedRule> merged = merged(best);
        if (steps != null) {
          steps.add(
              "lookup step 1 (client namespace " + clientNs + "): " + describeAll(merged) + " for host "
                  + best.host() + " is usable in " + clientNs + "; the service and root namespaces are not"
                  + " consulted");
        }
        return new Lookup(merged, Optional.of(best.host()), stepsOf(steps), List.of());
      }
      if (steps != null) {
        steps.add(
            "lookup step 1 (client namespace " + clientNs + "): no rule usable in " + clientNs + " matches " + host);
      }
    } else if (profile.rootLocalIndex()) {
      Best best = rootLocal.best(candidates, excluded);
      if (best != null) {
        List<MergedRule> merged = merged(best);
        if (steps != null) {
          steps.add(
              "lookup step 1 (proxy in the root namespace " + root + "): the private root rule " + describeAll(merged)
                  + " for host " + best.host() + " applies");
        }
        return new Lookup(merged, Optional.of(best.host()), stepsOf(steps), List.of());
      }
      if (steps != null) {
        steps.add(
            "lookup step 1 (proxy in the root namespace " + root + "): no private (exportTo \".\") root rule matches "
                + host + "; public root rules are not considered at this step");
      }
    } else if (steps != null) {
      steps.add("lookup step 1 skipped: Istio " + profile.label() + " skips it for proxies in the root namespace");
    }
    Lookup fromService = exportedLookup(2, dest.namespace(), clientNs, host, candidates, excluded, steps);
    if (!fromService.entries().isEmpty()) {
      return fromService;
    }
    Lookup fromRoot = exportedLookup(3, root, clientNs, host, candidates, excluded, steps);
    if (!fromRoot.entries().isEmpty()) {
      return fromRoot;
    }
    if (steps != null) {
      steps.add("no DestinationRule applies to " + host + " for clients in " + clientNs);
    }
    List<Exclusion> exclusions = new ArrayList<>(fromService.exclusions());
    exclusions.addAll(fromRoot.exclusions());
    exclusions.addAll(localExclusions(clientNs, candidates, excluded));
    exclusions.addAll(privateExclusions(dest.namespace(), clientNs, candidates, excluded));
    if (!root.equals(dest.namespace())) {
      exclusions.addAll(privateExclusions(root, clientNs, candidates, excluded));
    }
    return new Lookup(
        List.of(), Optional.empty(), stepsOf(steps), exclusions.isEmpty() ? List.of() : dedupe(exclusions));
  }

  private static List<String> stepsOf(List<String> steps) {
    return steps == null ? List.of() : steps;
  }

  private final Map<HostName, List<HostName>> candidates = new ConcurrentHashMap<>();

  /**
   * Drops the memoised wildcard candidates and merged rules (a matrix keeps its resolver for expanding routes; these
   * are rebuilt on demand then).
   */
  void clearMemos() {
    candidates.clear();
    local.values().forEach(t -> t.merged.clear());
    exported.values().forEach(t -> t.merged.clear());
    all.values().forEach(t -> t.merged.clear());
    rootLocal.merged.clear();
    global.merged.clear();
  }

  /** {@link #candidates(HostName)}, computed once per host. */
  List<HostName> candidatesOf(HostName host) {
    List<HostName> c = candidates.get(host);
    if (c == null) {
      c = List.copyOf(candidates(host));
      candidates.putIfAbsent(host, c);
    }
    return c;
  }

  /**
   * The merged rules of a table's choice; for a host's whole list, merged once and shared (a MergedRule is not changed
   * after merging).
   */
  private List<MergedRule> merged(Best best) {
    if (!best.whole()) {
      return merge(best.rules(), x -> {});
    }
    List<MergedRule> m = best.table().merged.get(best.host());
    if (m == null) {
      m = List.copyOf(merge(best.rules(), x -> {}));
      m.forEach(r -> r.shared = true);
      List<MergedRule> earlier = best.table().merged.putIfAbsent(best.host(), m);
      if (earlier != null) {
        m = earlier;
      }
    }
    return m;
  }

  private static List<Exclusion> dedupe(List<Exclusion> in) {
    Map<DestinationRule, Exclusion> out = new IdentityHashMap<>();
    List<Exclusion> kept = new ArrayList<>();
    for (Exclusion e : in) {
      if (out.putIfAbsent(e.rule(), e) == null) {
        kept.add(e);
      }
    }
    return List.copyOf(kept);
  }

  private Lookup exportedLookup(
      int step,
      String ns,
      String clientNs,
      HostName host,
      List<HostName> candidates,
      Set<DestinationRule> excluded,
      List<String> steps) {
    HostTable t = exported.get(ns);
    Best best = t == null ? null : t.best(candidates, excluded);
    if (best == null) {
      if (steps != null) {
        steps.add("lookup step " + step + " (" + what(step, ns) + "): no exported rule matches " + host);
      }
      return new Lookup(List.of(), Optional.empty(), stepsOf(steps), List.of());
    }
    List<MergedRule> merged = merged(best);
    List<MergedRule> visible = merged;
    for (int i = 0; i < merged.size(); i++) {
      if (!visibleTo(merged.get(i), clientNs)) {
        visible = new ArrayList<>();
        for (MergedRule m : merged) {
          if (visibleTo(m, clientNs)) {
            visible.add(m);
          }
        }
        break;
      }
    }
    if (!visible.isEmpty()) {
      if (steps != null) {
        steps.add(
            "lookup step " + step + " (" + what(step, ns) + "): " + describeAll(visible) + " for host " + best.host()
                + " is exported to " + clientNs);
      }
      return new Lookup(visible, Optional.of(best.host()), stepsOf(steps), List.of());
    }
    List<Exclusion> ex = new ArrayList<>();
    for (MergedRule m : merged) {
      DestinationRule r = m.first();
      ex.add(new Exclusion(r, exportSpan(r), "its exportTo " + m.exportTo + " does not include " + clientNs));
    }
    if (steps != null) {
      steps.add(
          "lookup step " + step + " (" + what(step, ns) + "): the most specific exported host " + best.host() + " ("
              + describeAll(merged) + ") is not exported to " + clientNs
              + "; Istio does not try a less specific host there");
    }
    return new Lookup(List.of(), Optional.empty(), stepsOf(steps), ex);
  }

  private static String what(int step, String ns) {
    return step == 2 ? "service namespace " + ns : "root namespace " + ns;
  }

  private SourceSpan exportSpan(DestinationRule r) {
    return r.exportTo().isEmpty() ? r.nameSpan() : r.exportTo().get(0).span();
  }

  private List<Exclusion> localExclusions(String clientNs, List<HostName> candidates, Set<DestinationRule> excluded) {
    HostTable t = all.get(clientNs);
    Best best = t == null ? null : t.best(candidates, excluded);
    if (best == null) {
      return List.of();
    }
    List<Exclusion> out = new ArrayList<>();
    for (DestinationRule r : best.rules()) {
      if (!usableLocally(r)) {
        out.add(
            new Exclusion(
                r, exportSpan(r),
                "its exportTo " + r.exportToValues() + " does not include its own namespace " + clientNs));
      }
    }
    return out;
  }

  private List<Exclusion> privateExclusions(
      String ns, String clientNs, List<HostName> candidates, Set<DestinationRule> excluded) {
    if (ns.equals(clientNs)) {
      return List.of();
    }
    HostTable t = all.get(ns);
    Best best = t == null ? null : t.best(candidates, excluded);
    if (best == null) {
      return List.of();
    }
    List<Exclusion> out = new ArrayList<>();
    for (DestinationRule r : best.rules()) {
      if (privateOnly(r) && !hasSelector(r)) {
        String why =
            r.exportToValues().isEmpty()
                ? "it has no exportTo and " + mesh.defaultExportReason + " makes it private to " + ns
                : "its exportTo " + r.exportToValues() + " keeps it private to " + ns;
        out.add(new Exclusion(r, exportSpan(r), why));
      }
    }
    return out;
  }

  private static String describeAll(List<MergedRule> merged) {
    List<String> parts = new ArrayList<>();
    merged.forEach(m -> parts.add(m.describe()));
    return String.join(" and ", parts);
  }

  /** True when {@link #select} picks the same for every client workload: no workloadSelector rule takes part. */
  boolean workloadIndependent(Lookup lookup) {
    if (!profile.destinationRuleWorkloadSelector()) {
      return true;
    }
    for (MergedRule m : lookup.entries()) {
      if (m.hasSelector()) {
        return false;
      }
    }
    return true;
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
