package dev.istiolint.core.engine.tls;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * TLS configuration that Istio ignores or that has no effect, found while resolving the matrix. Each {@link Cause} is
 * reported by its own rule.
 *
 * @param cause why it is ignored or ineffective
 * @param resource the resource that holds it
 * @param at the field to change
 * @param message the sentence for the finding, with the concrete values and the fix
 * @param related other places involved
 */
public record IgnoredConfig(
    Cause cause, Resource resource, SourceSpan at, String message, List<RelatedLocation> related) {

  /** The kinds of ignored or ineffective TLS configuration. */
  public enum Cause {
    /** A PeerAuthentication with a selector in the root namespace. */
    ROOT_NAMESPACE_SELECTOR_POLICY,
    /** A newer namespace- or mesh-wide PeerAuthentication beside an older one. */
    DUPLICATE_PEER_AUTHENTICATION,
    /** A MeshPolicy not named default. */
    MESH_POLICY_NOT_DEFAULT,
    /** A namespace-wide v1alpha1 Policy not named default. */
    NAMESPACE_POLICY_NOT_DEFAULT,
    /** A portLevelMtls key that matches no workload port. */
    PORT_LEVEL_MTLS_UNKNOWN_PORT,
    /** A DestinationRule host with a dot that is not a full name. */
    PARTIAL_HOST,
    /** A DestinationRule whose exportTo excludes its own namespace. */
    EXPORT_EXCLUDES_OWN_NAMESPACE,
    /** A workloadSelector rule that leaves non-matching clients of its namespace without any rule. */
    SELECTOR_SHADOWS_BROADER_RULE,
    /** A same-host rule whose trafficPolicy is discarded by merging. */
    MERGED_POLICY_DISCARDED,
    /** A port-level entry without tls that silently drops the top-level tls. */
    PORT_LEVEL_DROPS_TLS,
    /** A rule without tls that replaces a broader rule that sets tls for the same clients. */
    OVERRIDE_DROPS_MESH_MTLS
  }

  public IgnoredConfig {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
    related = List.copyOf(related);
  }
}
