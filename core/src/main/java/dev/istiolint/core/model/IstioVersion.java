package dev.istiolint.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Istio minor release such as {@code 1.24}; patch levels do not change the semantics we model. */
public record IstioVersion(int major, int minor) implements Comparable<IstioVersion> {

  /** The newest release whose semantics istio-lint models; the default when none is given. */
  public static final IstioVersion LATEST = new IstioVersion(1, 28);

  /** The 1.0 profile: global DestinationRules, no auto mTLS, MeshPolicy and Policy. */
  public static final IstioVersion V1_0 = new IstioVersion(1, 0);

  private static final Pattern FORM = Pattern.compile("^v?(\\d{1,3})\\.(\\d{1,3})(?:\\.\\d{1,4})?(?:[-+].*)?$");

  public IstioVersion {
    if (major < 1 || minor < 0) {
      throw new IllegalArgumentException("not an Istio version: " + major + "." + minor);
    }
  }

  /** Parses {@code 1.24}, {@code 1.24.3} or {@code v1.24.3}; the patch level is dropped. */
  public static Optional<IstioVersion> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major != 1) {
      return Optional.empty();
    }
    return Optional.of(new IstioVersion(major, minor));
  }

  /** True when this version is {@code major.minor} or newer. */
  public boolean atLeast(int major, int minor) {
    return compareTo(new IstioVersion(major, minor)) >= 0;
  }

  @Override
  public int compareTo(IstioVersion o) {
    int c = Integer.compare(major, o.major);
    return c != 0 ? c : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
