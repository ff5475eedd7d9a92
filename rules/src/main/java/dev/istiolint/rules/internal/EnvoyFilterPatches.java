package dev.istiolint.rules.internal;

import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.model.EnvoyFilter.ApplyTo;
import dev.istiolint.core.model.EnvoyFilter.Operation;
import java.util.Set;

/** What istioctl's EnvoyFilter analyzer considers relative patches. */
public final class EnvoyFilterPatches {

  private static final Set<ApplyTo> ROUTE_TARGETS = Set.of(ApplyTo.ROUTE_CONFIGURATION, ApplyTo.HTTP_ROUTE);
  private static final Set<ApplyTo> REPLACEABLE =
      Set.of(ApplyTo.HTTP_FILTER, ApplyTo.NETWORK_FILTER, ApplyTo.VIRTUAL_HOST);

  private EnvoyFilterPatches() {}

  /**
   * True for a patch whose result depends on the filters other EnvoyFilters produce: INSERT_BEFORE, INSERT_AFTER,
   * a valid REPLACE, and REMOVE outside routes.
   */
  public static boolean isRelative(EnvoyFilter.ConfigPatch patch) {
    if (patch.patch().isEmpty()) {
      return false;
    }
    Operation op = patch.patch().get().operation().value();
    ApplyTo target = patch.applyTo().value();
    return switch (op) {
      case INSERT_BEFORE, INSERT_AFTER -> true;
      case REPLACE -> REPLACEABLE.contains(target);
      case REMOVE -> !ROUTE_TARGETS.contains(target);
      default -> false;
    };
  }
}
