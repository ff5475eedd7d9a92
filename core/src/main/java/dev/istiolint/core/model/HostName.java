package dev.istiolint.core.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A host name as Istio compares them (tls-semantics §1): expansion of short names, wildcard matching and "most
 * specific" ordering. The value is kept as written after expansion; Istio does not lower-case hosts.
 */
public record HostName(String value) implements Comparable<HostName> {

  /** The cluster domain suffix Istio assumes unless configured otherwise. */
  public static final String DEFAULT_DOMAIN = "cluster.local";

  /** Orders the most specific host first: exact names before wildcards, longer wildcards first, then by text. */
  public static final Comparator<HostName> MOST_SPECIFIC_FIRST =
      (a, b) -> a.equals(b) ? 0 : (a.moreSpecificThan(b) ? -1 : 1);

  public HostName {
    Objects.requireNonNull(value, "value");
  }

  /** The record's equality, written out: the generated one goes through method handles, and hosts key hot maps. */
  @Override
  public boolean equals(Object o) {
    return o instanceof HostName h && h.value.equals(value);
  }

  /** The value the generated one gives ({@code value.hashCode()}), so that no map iterates in another order. */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** A host taken verbatim (ServiceEntry hosts, already expanded names). */
  public static HostName of(String host) {
    return new HostName(host);
  }

  /** {@code <service>.<namespace>.svc.cluster.local}. */
  public static HostName serviceFqdn(String service, String namespace) {
    return new HostName(service + "." + namespace + ".svc." + DEFAULT_DOMAIN);
  }

  /**
   * Expands a host written in a resource of {@code namespace} (DestinationRule {@code host}, VirtualService
   * destinations, v1alpha1 targets) as Istio's {@code ResolveShortnameToFQDN}: {@code *} and IP literals are kept, a
   * name without a dot becomes {@code <name>.<namespace>.svc.cluster.local}, anything with a dot is kept verbatim. An
   * empty host stays empty (it matches nothing).
   */
  public static HostName expand(String host, String namespace) {
    return expand(host, namespace, DEFAULT_DOMAIN);
  }

  /** {@link #expand(String, String)} with another domain suffix. */
  public static HostName expand(String host, String namespace, String domainSuffix) {
    if (host.isEmpty() || host.equals("*") || host.indexOf('.') >= 0 || isIpLiteral(host)) {
      return new HostName(host);
    }
    return new HostName(host + "." + namespace + ".svc." + domainSuffix);
  }

  /** True when the host starts with {@code *}. */
  public boolean isWildcard() {
    return !value.isEmpty() && value.charAt(0) == '*';
  }

  /** True for a Kubernetes service name {@code <svc>.<ns>.svc.cluster.local}. */
  public boolean isKubernetesService() {
    return !isWildcard() && value.endsWith(".svc." + DEFAULT_DOMAIN);
  }

  /**
   * True when this (a DestinationRule host, or any config host) applies to {@code service} (a registry host), per
   * modern Istio's {@code MostSpecificHostMatch}: identical names match; a wildcard {@code *.<suffix>} matches names
   * ending in {@code .<suffix>} ({@code *} matches everything); for a wildcard service host, an identical wildcard or a
   * wildcard whose suffix is a suffix of the service's.
   */
  public boolean matches(HostName service) {
    if (equals(service)) {
      return true;
    }
    if (!isWildcard()) {
      return false;
    }
    String suffix = value.substring(1);
    String needle = service.isWildcard() ? service.value.substring(1) : service.value;
    return needle.endsWith(suffix);
  }

  /** Istio 1.0's symmetric {@code Hostname.Matches}: either side may be the wildcard. */
  public boolean matchesSymmetric(HostName other) {
    String h = value;
    String o = other.value;
    if (h.isEmpty() && o.isEmpty()) {
      return true;
    }
    boolean hw = isWildcard();
    boolean ow = other.isWildcard();
    if (hw) {
      if (ow) {
        return h.length() < o.length() ? o.substring(1).endsWith(h.substring(1)) : h.substring(1).endsWith(o.substring(1));
      }
      return o.endsWith(h.substring(1));
    }
    if (ow) {
      return h.endsWith(o.substring(1));
    }
    return h.equals(o);
  }

  /**
   * Istio's {@code MoreSpecific}: a non-wildcard beats a wildcard; two wildcards: the longer wins; otherwise (and on
   * equal length) the lexicographically smaller wins, so the order is total and deterministic.
   */
  public boolean moreSpecificThan(HostName other) {
    boolean aw = isWildcard();
    boolean bw = other.isWildcard();
    if (aw != bw) {
      return !aw;
    }
    if (aw && value.length() != other.value.length()) {
      return value.length() > other.value.length();
    }
    return value.compareTo(other.value) < 0;
  }

  /**
   * The most specific of {@code candidates} that {@link #matches(HostName) matches} {@code service}: an identical host
   * first, else the best wildcard (tls-semantics §1.3).
   */
  public static Optional<HostName> mostSpecificMatch(HostName service, Collection<HostName> candidates) {
    HostName best = null;
    for (HostName c : candidates) {
      if (c.equals(service)) {
        return Optional.of(c);
      }
      if (c.isWildcard() && c.matches(service) && (best == null || c.moreSpecificThan(best))) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The 1.0 variant of {@link #mostSpecificMatch}, matching symmetrically. */
  public static Optional<HostName> mostSpecificMatchSymmetric(HostName service, Collection<HostName> candidates) {
    HostName best = null;
    for (HostName c : candidates) {
      if (c.equals(service)) {
        return Optional.of(c);
      }
      if (c.matchesSymmetric(service) && (best == null || c.moreSpecificThan(best))) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** True for an IPv4 or IPv6 literal (Istio keeps those unexpanded). */
  static boolean isIpLiteral(String s) {
    if (s.isEmpty()) {
      return false;
    }
    if (s.indexOf(':') >= 0) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex && c != ':' && c != '.') {
          return false;
        }
      }
      return true;
    }
    int parts = 0;
    int digits = 0;
    int val = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (digits == 0) {
          return false;
        }
        parts++;
        digits = 0;
        val = 0;
      } else if (c >= '0' && c <= '9') {
        val = val * 10 + (c - '0');
        if (++digits > 3 || val > 255) {
          return false;
        }
      } else {
        return false;
      }
    }
    return digits > 0 && parts == 3;
  }

  @Override
  public int compareTo(HostName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
