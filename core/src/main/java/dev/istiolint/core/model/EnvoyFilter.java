package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code networking.istio.io} EnvoyFilter: selector, target refs, priority and each config patch's
 * {@code applyTo}/{@code match}/{@code patch}. The patch {@code value} is kept only as a span (it can be megabytes).
 */
public record EnvoyFilter(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> workloadSelector,
    List<PolicyTargetReference> targetRefs,
    List<ConfigPatch> configPatches,
    Optional<Located<Integer>> priority)
    implements IstioResource {

  public EnvoyFilter {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(workloadSelector, "workloadSelector");
    targetRefs = List.copyOf(targetRefs);
    configPatches = List.copyOf(configPatches);
    Objects.requireNonNull(priority, "priority");
  }

  /** {@code EnvoyConfigObjectPatch}. */
  public record ConfigPatch(Located<ApplyTo> applyTo, Optional<Match> match, Optional<Patch> patch, SourceSpan span) {
    public ConfigPatch {
      Objects.requireNonNull(applyTo, "applyTo");
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(patch, "patch");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code EnvoyConfigObjectMatch}: context, proxy version, and the object it targets (listener, route configuration
   * or cluster) reduced to the names and ports a rule may check.
   */
  public record Match(
      Located<PatchContext> context,
      Optional<Located<String>> proxyVersion,
      Optional<SourceSpan> listener,
      Optional<Located<Integer>> listenerPortNumber,
      Optional<Located<String>> listenerName,
      Optional<Located<String>> filterName,
      Optional<Located<String>> subFilterName,
      Optional<SourceSpan> routeConfiguration,
      Optional<Located<Integer>> routeConfigurationPortNumber,
      Optional<Located<String>> routeConfigurationGateway,
      Optional<SourceSpan> cluster,
      Optional<Located<Integer>> clusterPortNumber,
      Optional<Located<String>> clusterService,
      Optional<Located<String>> clusterSubset,
      Optional<Located<String>> clusterName,
      SourceSpan span) {
    public Match {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(proxyVersion, "proxyVersion");
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(listenerPortNumber, "listenerPortNumber");
      Objects.requireNonNull(listenerName, "listenerName");
      Objects.requireNonNull(filterName, "filterName");
      Objects.requireNonNull(subFilterName, "subFilterName");
      Objects.requireNonNull(routeConfiguration, "routeConfiguration");
      Objects.requireNonNull(routeConfigurationPortNumber, "routeConfigurationPortNumber");
      Objects.requireNonNull(routeConfigurationGateway, "routeConfigurationGateway");
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(clusterPortNumber, "clusterPortNumber");
      Objects.requireNonNull(clusterService, "clusterService");
      Objects.requireNonNull(clusterSubset, "clusterSubset");
      Objects.requireNonNull(clusterName, "clusterName");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code Patch}: the operation, where the value is, and the filter class. */
  public record Patch(
      Located<Operation> operation, Optional<SourceSpan> value, Located<FilterClass> filterClass, SourceSpan span) {
    public Patch {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(filterClass, "filterClass");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code ApplyTo}; {@code UNSET} for absent, {@code INVALID} or unknown. */
  public enum ApplyTo {
    UNSET,
    LISTENER,
    FILTER_CHAIN,
    NETWORK_FILTER,
    HTTP_FILTER,
    ROUTE_CONFIGURATION,
    VIRTUAL_HOST,
    HTTP_ROUTE,
    CLUSTER,
    EXTENSION_CONFIG,
    BOOTSTRAP,
    LISTENER_FILTER
  }

  /** {@code PatchContext}; {@code UNSET} when absent (Istio then means ANY) or unknown. */
  public enum PatchContext {
    UNSET,
    ANY,
    SIDECAR_INBOUND,
    SIDECAR_OUTBOUND,
    GATEWAY
  }

  /** {@code Patch.Operation}; {@code UNSET} for absent, {@code INVALID} or unknown. */
  public enum Operation {
    UNSET,
    MERGE,
    ADD,
    REMOVE,
    INSERT_BEFORE,
    INSERT_AFTER,
    INSERT_FIRST,
    REPLACE
  }

  /** {@code Patch.FilterClass}; {@code UNSET} for absent, {@code UNSPECIFIED} or unknown. */
  public enum FilterClass {
    UNSET,
    AUTHN,
    AUTHZ,
    STATS
  }
}
