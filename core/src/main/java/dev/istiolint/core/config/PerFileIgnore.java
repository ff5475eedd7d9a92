package dev.istiolint.core.config;

import java.util.Objects;
import java.util.Set;

/**
 * A configuration entry that ignores some rules in some files, as Ruff's {@code per-file-ignores}.
 *
 * @param glob the files it applies to
 * @param ruleIds the rule ids ignored there
 */
public record PerFileIgnore(Glob glob, Set<String> ruleIds) {

  public PerFileIgnore {
    Objects.requireNonNull(glob, "glob");
    ruleIds = Set.copyOf(ruleIds);
  }

  /** True when this entry hides a finding of {@code ruleId} in {@code file}. */
  public boolean covers(String file, String ruleId) {
    return ruleIds.contains(ruleId) && glob.matches(file);
  }
}
