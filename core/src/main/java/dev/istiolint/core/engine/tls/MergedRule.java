package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One consolidated DestinationRule for one host inside one index (tls-semantics §2.3): the rules merged into it, the
 * top-level trafficPolicy that survived (with the rule it came from), and the union of subsets.
 */
final class MergedRule {

  final ArrayList<DestinationRule> from = new ArrayList<>();
  final Set<String> exportTo;
  Optional<DestinationRule.TrafficPolicy> policy;
  DestinationRule policySource;
  /** By name; in merge order while merging (the first definition of a name wins), then {@link #freeze frozen}. */
  Map<String, SubsetRef> subsets = new LinkedHashMap<>();
  /**
   * True once the rule is the memoised merge of a host's whole list, shared by every lookup that chooses that host
   * (and from then on never changed); results derived from it alone can be memoised too.
   */
  volatile boolean shared;

  /** A subset and the rule that defined it. */
  record SubsetRef(DestinationRule.Subset subset, DestinationRule source) {}

  MergedRule(DestinationRule first, Set<String> exportTo) {
    this.from.add(first);
    this.exportTo = exportTo;
    this.policy = first.trafficPolicy();
    this.policySource = first;
    for (DestinationRule.Subset s : first.subsets()) {
      subsets.putIfAbsent(s.name().value(), new SubsetRef(s, first));
    }
  }

  /**
   * Ends merging: the subsets become an immutable map and the rule list its own size. A host's merged rules are
   * memoised for as long as a TLS matrix is built (tens of thousands on a large mesh), and a linked map per rule
   * weighed more than the rule it describes.
   */
  MergedRule freeze() {
    subsets = Map.copyOf(subsets);
    from.trimToSize();
    return this;
  }

  DestinationRule first() {
    return from.get(0);
  }

  Optional<LabelSelector> selector() {
    return first().workloadSelector().filter(s -> !s.isEmpty());
  }

  boolean hasSelector() {
    return selector().isPresent();
  }

  /**
   * Merges a newer rule in: subsets are added when the name is new; the trafficPolicy is taken only when this rule
   * has none. Returns true when the newer rule's trafficPolicy was discarded.
   */
  boolean absorb(DestinationRule newer) {
    from.add(newer);
    for (DestinationRule.Subset s : newer.subsets()) {
      subsets.putIfAbsent(s.name().value(), new SubsetRef(s, newer));
    }
    if (policy.isEmpty() && newer.trafficPolicy().isPresent()) {
      policy = newer.trafficPolicy();
      policySource = newer;
      return false;
    }
    return newer.trafficPolicy().isPresent();
  }

  /** {@code ns/name}, with {@code (merged with …)} for several rules. */
  String describe() {
    StringBuilder sb = new StringBuilder("DestinationRule " + DrIndex.name(first()));
    if (from.size() > 1) {
      sb.append(" (merged with");
      for (int i = 1; i < from.size(); i++) {
        sb.append(i > 1 ? ", " : " ").append(DrIndex.name(from.get(i)));
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
