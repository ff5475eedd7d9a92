package dev.istiolint.core.engine.tls;

import java.util.List;
import java.util.Objects;

/**
 * The effective TLS of a mesh: every route with both sides and a verdict, the root causes of the non-OK routes, and
 * the TLS configuration Istio ignores. Computed once per run by {@link TlsResolver}.
 *
 * @param profile the version semantics used
 * @param rootNamespace the mesh root namespace
 * @param autoMtls whether auto mTLS is on
 * @param autoMtlsReason where that value comes from
 * @param routes the routes, by client namespace, host, port and subset
 * @param rootCauses the causes of the CONFLICT and INSECURE routes, each once
 * @param ignored ignored or ineffective TLS configuration
 */
public record TlsMatrix(
    Profile profile,
    String rootNamespace,
    boolean autoMtls,
    String autoMtlsReason,
    List<Route> routes,
    List<RootCause> rootCauses,
    List<IgnoredConfig> ignored) {

  public TlsMatrix {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(rootNamespace, "rootNamespace");
    Objects.requireNonNull(autoMtlsReason, "autoMtlsReason");
    routes = List.copyOf(routes);
    rootCauses = List.copyOf(rootCauses);
    ignored = List.copyOf(ignored);
  }

  /** The ignored configuration of one cause. */
  public List<IgnoredConfig> ignored(IgnoredConfig.Cause cause) {
    return ignored.stream().filter(i -> i.cause() == cause).toList();
  }

  /** The root causes with this verdict. */
  public List<RootCause> rootCauses(Verdict verdict) {
    return rootCauses.stream().filter(c -> c.verdict() == verdict).toList();
  }

  /** True when some route fails. */
  public boolean hasConflicts() {
    return routes.stream().anyMatch(r -> r.verdict() == Verdict.CONFLICT);
  }
}
