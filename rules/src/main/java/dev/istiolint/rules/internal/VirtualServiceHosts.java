package dev.istiolint.rules.internal;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which VirtualServices claim overlapping hosts where some namespace sees both: hosts expanded in their own
 * namespace and compared with wildcards, namespaces from {@code exportTo} (everywhere by default).
 */
public final class VirtualServiceHosts {

  /** Another VirtualService's host that overlaps. */
  public record Claim(VirtualService virtualService, Located<String> host) {
    public Claim {
      Objects.requireNonNull(virtualService, "virtualService");
      Objects.requireNonNull(host, "host");
    }
  }

  private VirtualServiceHosts() {}

  /** The hosts of {@code candidates} (other than {@code vs}) that overlap {@code host} of {@code vs}. */
  public static List<Claim> conflicts(VirtualService vs, Located<String> host, List<VirtualService> candidates) {
    HostName mine = HostName.expand(host.value(), vs.namespace());
    Set<String> myScopes = ServiceRegistry.exportTo(vs.exportTo(), vs.namespace());
    List<Claim> out = new ArrayList<>();
    for (VirtualService other : candidates) {
      if (other == vs || other.id().equals(vs.id())) {
        continue;
      }
      Set<String> theirScopes = ServiceRegistry.exportTo(other.exportTo(), other.namespace());
      if (!seenTogether(myScopes, theirScopes)) {
        continue;
      }
      for (Located<String> h : other.hosts()) {
        if (mine.matchesSymmetric(HostName.expand(h.value(), other.namespace()))) {
          out.add(new Claim(other, h));
          break;
        }
      }
    }
    return out;
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
