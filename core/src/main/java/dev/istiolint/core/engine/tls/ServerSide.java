package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.Resource;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * The server mode of one endpoint and workload port, and what decided it.
 *
 * @param mode the mode
 * @param resource the policy whose mode applies (the most specific one with a mode); empty for a default
 * @param at where that mode is written
 * @param field the field, for provenance
 * @param meshWide true when the deciding policy is mesh-wide
 * @param steps the decision steps; null (kept as empty) when the caller did not ask for them
 */
record ServerSide(
    ServerMtls mode, Optional<Resource> resource, Optional<SourceSpan> at, String field, boolean meshWide,
    List<String> steps) {

  ServerSide {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  Optional<Provenance> provenance() {
    return resource.map(r -> Provenance.of(r, at.orElseGet(r::nameSpan), field));
  }
}
