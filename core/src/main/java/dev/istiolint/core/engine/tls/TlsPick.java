package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.DestinationRule.ClientTLSSettings;
import dev.istiolint.core.model.DestinationRule.PortTrafficPolicy;
import dev.istiolint.core.model.DestinationRule.TrafficPolicy;
import dev.istiolint.core.model.TlsMode;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TLS settings a chosen rule gives one port and subset (tls-semantics §3), with where they came from.
 *
 * @param tls the settings, empty when the rule leaves tls unset for this port and subset
 * @param source the rule (constituent of a merged rule) whose policy decided
 * @param at where to point: the tls mode, or the block that lacks tls
 * @param field the field path, for provenance
 * @param steps the decision steps
 * @param droppedTopLevelTls true when a port-level entry without tls hid a top-level tls
 * @param endpointRuleMode the rule's mode as the endpoint builder reads it in auto mode (§3.3)
 * @param passthroughLb true when the effective policy sets loadBalancer simple PASSTHROUGH
 */
record TlsPick(
    Optional<ClientTLSSettings> tls,
    DestinationRule source,
    SourceSpan at,
    String field,
    List<String> steps,
    boolean droppedTopLevelTls,
    Optional<TlsMode> endpointRuleMode,
    boolean passthroughLb) {

  TlsPick {
    steps = List.copyOf(steps);
  }

  /** The pick of {@code rule} for one port and subset; the steps are written only when {@code explain} is true. */
  static TlsPick of(
      MergedRule rule, Destination.Port port, Optional<String> subset, Profile profile, boolean explain) {
    List<String> steps = explain ? new ArrayList<>() : null;
    String name = explain ? DrIndex.name(rule.policySource) : "";
    Optional<TrafficPolicy> policy = rule.policy;
    Optional<ClientTLSSettings> tls = Optional.empty();
    DestinationRule source = rule.policySource;
    SourceSpan at = null; // set on every path below; spans are unpacked only where used
    String field = "trafficPolicy";
    boolean dropped = false;
    if (policy.isEmpty()) {
      at = rule.first().nameSpan();
      if (steps != null) {
        steps.add(rule.describe() + " has no top-level trafficPolicy, so no tls");
      }
    } else {
      TrafficPolicy p = policy.get();
      Optional<PortTrafficPolicy> pl =
          profile.portSelectorByName() ? p.portLevel(port.number(), port.name()) : p.portLevel(port.number());
      if (pl.isPresent()) {
        tls = pl.get().tls();
        field = "trafficPolicy.portLevelSettings[port " + port.number() + "]";
        PortTrafficPolicy level = pl.get();
        at = tls.map(t -> t.mode().span()).orElseGet(level::span);
        if (tls.isPresent()) {
          if (steps != null) {
            steps.add(name + " sets tls mode " + tls.get().effectiveMode() + " for port " + port.number()
                + " in portLevelSettings (" + where(at) + ")");
          }
        } else {
          dropped = p.tls().isPresent();
          if (steps != null) {
            steps.add(name + " has a portLevelSettings entry for port " + port.number() + " (" + where(at)
                + ") without tls; port-level settings replace the whole top-level policy, so tls is unset for port "
                + port.number()
                + (dropped ? " (the top-level tls " + p.tls().get().effectiveMode() + " does not apply)" : ""));
          }
          field += ".tls";
        }
      } else {
        tls = p.tls();
        at = tls.map(t -> t.mode().span()).orElseGet(p::span);
        if (tls.isPresent()) {
          field = "trafficPolicy.tls.mode";
          if (steps != null) {
            steps.add(name + " sets tls mode " + tls.get().effectiveMode() + " (" + where(at) + ")");
          }
        } else {
          field = "trafficPolicy.tls";
          if (steps != null) {
            steps.add(name + " has a trafficPolicy (" + where(at) + ") without tls");
          }
        }
      }
    }
    Optional<TlsMode> endpointMode = policy.flatMap(p -> modeForEndpoints(p, port.number()));
    if (subset.isPresent()) {
      MergedRule.SubsetRef ref = rule.subsets.get(subset.get());
      if (ref == null) {
        if (steps != null) {
          steps.add("subset " + subset.get() + " is not defined in " + rule.describe());
        }
      } else if (ref.subset().trafficPolicy().isEmpty()) {
        if (steps != null) {
          steps.add("subset " + subset.get() + " has no trafficPolicy and keeps the rule's settings");
        }
      } else {
        TrafficPolicy sp = ref.subset().trafficPolicy().get();
        Optional<PortTrafficPolicy> spl = sp.portLevel(port.number());
        Optional<ClientTLSSettings> subTls = spl.isPresent() ? spl.get().tls() : sp.tls();
        String sname = explain ? "subset " + subset.get() + " of " + DrIndex.name(ref.source()) : "";
        SourceSpan subAt =
            subTls.map(t -> t.mode().span()).orElseGet(() -> spl.map(PortTrafficPolicy::span).orElseGet(sp::span));
        if (profile.subsetTlsLayered()) {
          if (subTls.isPresent()) {
            tls = subTls;
            source = ref.source();
            at = subAt;
            field = "subsets[" + subset.get() + "].trafficPolicy.tls.mode";
            if (steps != null) {
              steps.add(sname + " sets tls mode " + subTls.get().effectiveMode() + " (" + where(subAt) + ")");
            }
          } else {
            if (steps != null) {
              steps.add(sname + " sets no tls; Istio 1.0 applies it on top of the rule's policy, so the rule's tls"
                  + " stays");
            }
          }
        } else if (subTls.isPresent() || spl.isPresent() || policy.isEmpty()) {
          tls = subTls;
          source = ref.source();
          at = subAt;
          if (subTls.isPresent()) {
            field = "subsets[" + subset.get() + "].trafficPolicy.tls.mode";
            if (steps != null) {
              steps.add(sname + " sets tls mode " + subTls.get().effectiveMode() + " (" + where(subAt) + ")");
            }
          } else {
            field = "subsets[" + subset.get() + "].trafficPolicy.portLevelSettings[port " + port.number() + "]";
            if (steps != null) {
              steps.add(sname + " has a portLevelSettings entry for port " + port.number() + " without tls ("
                  + where(subAt) + "); a subset port-level entry replaces tls too, so tls is unset");
            }
          }
        } else {
          if (steps != null) {
            steps.add(sname + " has a trafficPolicy without tls and inherits the rule's tls");
          }
        }
        if (policy.isPresent()) {
          Optional<TlsMode> sm = modeForEndpoints(sp, port.number());
          if (sm.isPresent()) {
            endpointMode = sm;
          }
        }
      }
    }
    boolean passthrough = policy.map(p -> {
      Optional<PortTrafficPolicy> pl = p.portLevel(port.number());
      Optional<DestinationRule.LoadBalancerSettings> lb = pl.isPresent() ? pl.get().loadBalancer() : p.loadBalancer();
      return lb.map(l -> l.simple().value() == DestinationRule.LoadBalancerSimple.PASSTHROUGH).orElse(false);
    }).orElse(false);
    return new TlsPick(tls, source, at, field, steps == null ? List.of() : steps, dropped, endpointMode, passthrough);
  }

  /** The endpoint builder's reading (§3.3): a port-level tls, else the top-level tls. */
  private static Optional<TlsMode> modeForEndpoints(TrafficPolicy p, int port) {
    List<PortTrafficPolicy> levels = p.portLevelSettings();
    for (int i = 0; i < levels.size(); i++) { // indexed: no iterator per route group
      PortTrafficPolicy pl = levels.get(i);
      if (pl.port().number().isPresent() && pl.port().number().get().value() == port && pl.tls().isPresent()) {
        return Optional.of(pl.tls().get().effectiveMode());
      }
    }
    return p.tls().map(ClientTLSSettings::effectiveMode);
  }

  static String where(SourceSpan s) {
    return s.file() + ":" + s.startLine();
  }
}
