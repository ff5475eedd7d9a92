package dev.istiolint.core.diag;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is; the same three levels as {@code istioctl analyze}. Declared from worst to mildest. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** Lower-case name as used in reports: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is as bad as {@code threshold} or worse. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses {@code error}, {@code warning} (or {@code warn}) and {@code info}, in any case. */
  public static Optional<Severity> parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("WARN")) {
      return Optional.of(WARNING);
    }
    for (Severity s : values()) {
      if (s.name().equals(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
