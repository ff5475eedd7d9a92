package dev.istiolint.core.model;

import java.util.Objects;

/** A resource as a report names it: its identity plus the API version it was written in. */
public record ResourceRef(String apiVersion, ResourceId id) implements Comparable<ResourceRef> {

  public ResourceRef {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(id, "id");
  }

  public String kind() {
    return id.kind();
  }

  public String namespace() {
    return id.namespace();
  }

  public String name() {
    return id.name();
  }

  @Override
  public int compareTo(ResourceRef o) {
    int c = id.compareTo(o.id);
    return c != 0 ? c : apiVersion.compareTo(o.apiVersion);
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
