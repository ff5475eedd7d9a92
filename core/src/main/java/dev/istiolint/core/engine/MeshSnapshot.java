package dev.istiolint.core.engine;

import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Everything one run loaded, indexed so that no analysis scans all pairs. Immutable. */
public final class MeshSnapshot {

  private final List<Resource> resources;

  private MeshSnapshot(List<Resource> resources) {
    List<Resource> sorted = new ArrayList<>(resources);
    sorted.sort(Comparator.comparing(Resource::id).thenComparing(r -> r.span()));
    this.resources = List.copyOf(sorted);
  }

  public static MeshSnapshot of(List<Resource> resources) {
    return new MeshSnapshot(resources);
  }

  /** Every resource, sorted by kind, namespace, name and position. */
  public List<Resource> all() {
    return resources;
  }

  /** Resources of one model type, in the order of {@link #all()}. */
  public <T extends Resource> List<T> ofType(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public Optional<Resource> byId(ResourceId id) {
    return resources.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
