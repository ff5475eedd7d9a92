package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pod template ({@code spec.template} of a controller, or a Pod itself): the metadata and the parts of the pod spec
 * the analyses read. {@code span} is the template (or the Pod document); {@code runAsUser} is the pod-level
 * {@code securityContext.runAsUser}.
 */
public record PodTemplate(
    Map<String, Located<String>> labels,
    Map<String, Located<String>> annotations,
    Optional<Located<String>> serviceAccountName,
    List<Container> containers,
    List<Container> initContainers,
    Optional<Located<Boolean>> hostNetwork,
    SourceSpan span,
    Optional<Located<Integer>> runAsUser) {

  public PodTemplate {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(serviceAccountName, "serviceAccountName");
    containers = List.copyOf(containers);
    initContainers = List.copyOf(initContainers);
    Objects.requireNonNull(hostNetwork, "hostNetwork");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(runAsUser, "runAsUser");
  }

  /** A pod template without pod-level {@code securityContext.runAsUser}. */
  public PodTemplate(
      Map<String, Located<String>> labels,
      Map<String, Located<String>> annotations,
      Optional<Located<String>> serviceAccountName,
      List<Container> containers,
      List<Container> initContainers,
      Optional<Located<Boolean>> hostNetwork,
      SourceSpan span) {
    this(labels, annotations, serviceAccountName, containers, initContainers, hostNetwork, span, Optional.empty());
  }

  /** Labels without positions, sorted by key. */
  public Map<String, String> labelValues() {
    Map<String, String> out = new TreeMap<>();
    labels.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** Annotations without positions, sorted by key. */
  public Map<String, String> annotationValues() {
    Map<String, String> out = new TreeMap<>();
    annotations.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** The container with this name, if any. */
  public Optional<Container> container(String name) {
    return containers.stream().filter(c -> c.name().value().equals(name)).findFirst();
  }
}
