package dev.istiolint.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identity of a resource: kind, namespace and name. The namespace is empty for cluster-scoped kinds and for
 * documents that do not state one. {@link #toString()} is istioctl's {@code Kind namespace/name} form.
 */
public record ResourceId(String kind, String namespace, String name) implements Comparable<ResourceId> {

  private static final Comparator<ResourceId> ORDER =
      Comparator.comparing(ResourceId::kind)
          .thenComparing(ResourceId::namespace)
          .thenComparing(ResourceId::name);

  public ResourceId {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(ResourceId o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }
}
