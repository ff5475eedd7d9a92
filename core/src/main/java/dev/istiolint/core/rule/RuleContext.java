package dev.istiolint.core.rule;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.tls.TlsMatrix;
import dev.istiolint.core.engine.tls.TlsResolver;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;

/** What a rule sees of a run, and how it reports. The context fills in rule, severity and resource. */
public interface RuleContext {

  /** Everything loaded, indexed by kind, namespace, name, host and labels. */
  MeshSnapshot mesh();

  /** The Istio version whose semantics apply. */
  IstioVersion istioVersion();

  /**
   * The effective TLS of the mesh (routes, verdicts, root causes, ignored configuration). A run computes it once and
   * shares it between rules; this default shares the snapshot's matrix when the versions agree, else computes it on
   * every call.
   */
  default TlsMatrix tls() {
    return istioVersion().equals(mesh().istioVersion())
        ? TlsResolver.of(mesh())
        : TlsResolver.resolve(mesh(), istioVersion());
  }

  /** Reports a finding on {@code resource} at {@code span}. */
  void report(Resource resource, SourceSpan span, String message, List<RelatedLocation> related);

  /** Reports a finding on {@code resource} at the field {@code at}. */
  default void report(Resource resource, Located<?> at, String message) {
    report(resource, at.span(), message, List.of());
  }

  /** Reports a finding on {@code resource} at the field {@code at}, with the other places involved. */
  default void report(Resource resource, Located<?> at, String message, List<RelatedLocation> related) {
    report(resource, at.span(), message, related);
  }

  /**
   * Says that the rule could not run because the input lacks what it needs (no Service objects at all, no mesh
   * config). The summary lists it, so a pass is never silent.
   */
  void notApplicable(String reason);
}
