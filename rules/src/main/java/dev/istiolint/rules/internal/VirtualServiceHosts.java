package dev.istiolint.rules.internal;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which VirtualServices claim overlapping hosts where some namespace sees both: hosts expanded in their own
 * namespace and compared with wildcards, namespaces from {@code exportTo} (everywhere by default). Exact hosts are
 * looked up in a hash index, so the cost grows with the number of VirtualServices, not its square.
 */
public final class VirtualServiceHosts {

  /** Another VirtualService's host that overlaps. */
  public record Claim(VirtualService virtualService, Located<String> host) {
    public Claim {
      Objects.requireNonNull(virtualService, "virtualService");
      Objects.requireNonNull(host, "host");
    }
  }

  private record Entry(VirtualService vs, Located<String> written, HostName host, Set<String> scopes) {}

  private final Map<String, List<Entry>> exact = new HashMap<>();
  private final List<Entry> wildcards = new ArrayList<>();
  private final Map<VirtualService, Set<String>> scopes = new IdentityHashMap<>();

  private VirtualServiceHosts(List<VirtualService> candidates) {
    for (VirtualService vs : candidates) {
      Set<String> s = ServiceRegistry.exportTo(vs.exportTo(), vs.namespace());
      scopes.put(vs, s);
      for (Located<String> h : vs.hosts()) {
        Entry e = new Entry(vs, h, HostName.expand(h.value(), vs.namespace()), s);
        if (e.host().isWildcard()) {
          wildcards.add(e);
        } else {
          exact.computeIfAbsent(e.host().value(), k -> new ArrayList<>()).add(e);
        }
      }
    }
  }

  /** An index over the hosts of {@code candidates}. */
  public static VirtualServiceHosts index(List<VirtualService> candidates) {
    return new VirtualServiceHosts(candidates);
  }

  /** The first overlapping host of each other candidate that some namespace sees together with {@code vs}. */
  public List<Claim> conflicts(VirtualService vs, Located<String> host) {
    HostName mine = HostName.expand(host.value(), vs.namespace());
    Set<String> myScopes = scopes.getOrDefault(vs, ServiceRegistry.exportTo(vs.exportTo(), vs.namespace()));
    Map<VirtualService, Claim> out = new LinkedHashMap<>();
    List<Entry> candidates = new ArrayList<>();
    if (mine.isWildcard()) {
      exact.values().forEach(candidates::addAll);
    } else {
      candidates.addAll(exact.getOrDefault(mine.value(), List.of()));
    }
    candidates.addAll(wildcards);
    for (Entry e : candidates) {
      if (e.vs() == vs || e.vs().id().equals(vs.id()) || out.containsKey(e.vs())) {
        continue;
      }
      if (seenTogether(myScopes, e.scopes()) && mine.matchesSymmetric(e.host())) {
        out.put(e.vs(), new Claim(e.vs(), e.written()));
      }
    }
    List<Claim> sorted = new ArrayList<>(out.values());
    sorted.sort((a, b) -> a.virtualService().id().compareTo(b.virtualService().id()));
    return sorted;
  }

  /** True when some namespace sees resources exported to both scope sets. */
  public static boolean seenTogether(Set<String> a, Set<String> b) {
    if (a.contains("*") || b.contains("*")) {
      return true;
    }
    return a.stream().anyMatch(b::contains);
  }

  /** {@code ns/a, ns/b} for messages. */
  public static String names(List<Claim> claims) {
    List<String> out = new ArrayList<>();
    for (Claim c : claims) {
      VirtualService v = c.virtualService();
      out.add(v.namespace().isEmpty() ? v.name() : v.namespace() + "/" + v.name());
    }
    return String.join(", ", out);
  }

  /** The other hosts, as related locations. */
  public static List<RelatedLocation> related(List<Claim> claims) {
    List<RelatedLocation> out = new ArrayList<>();
    for (Claim c : claims) {
      out.add(RelatedLocation.of(c.host().span(), "also claims host " + c.host().value(), c.virtualService().ref()));
    }
    return out;
  }
}
