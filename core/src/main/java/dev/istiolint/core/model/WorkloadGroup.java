package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code networking.istio.io} WorkloadGroup: template metadata labels/annotations and the WorkloadEntry template. */
public record WorkloadGroup(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Map<String, Located<String>> templateLabels,
    Map<String, Located<String>> templateAnnotations,
    Optional<WorkloadEntry.Spec> template,
    Optional<SourceSpan> probe)
    implements IstioResource {

  public WorkloadGroup {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    templateLabels = Map.copyOf(templateLabels);
    templateAnnotations = Map.copyOf(templateAnnotations);
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(probe, "probe");
  }
}
