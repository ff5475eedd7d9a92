package dev.istiolint.core;

import java.util.Map;
import java.util.Objects;

/**
 * Counts for the end of a report.
 *
 * @param files files read
 * @param documents non-empty YAML/JSON documents (items of a {@code List} count one each)
 * @param resources documents decoded into resources
 * @param errors findings at error level, after suppressions and overrides
 * @param warnings findings at warning level
 * @param infos findings at info level
 * @param unknownKinds resources of kinds istio-lint does not analyse, per kind
 * @param rulesNotRun rules that could not run on this input, with the reason, by rule id
 */
public record Summary(
    int files,
    int documents,
    int resources,
    int errors,
    int warnings,
    int infos,
    Map<String, Integer> unknownKinds,
    Map<String, String> rulesNotRun) {

  public Summary {
    unknownKinds = Map.copyOf(unknownKinds);
    rulesNotRun = Map.copyOf(rulesNotRun);
    Objects.requireNonNull(unknownKinds);
  }
}
