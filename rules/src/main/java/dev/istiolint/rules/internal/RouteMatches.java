package dev.istiolint.rules.internal;

import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which VirtualService rules and matches can never be used, as Istio's validation finds them: a rule without match
 * before the last one (and, beyond istioctl, any rule after it), a match identical (name aside) to an earlier one,
 * an HTTP prefix match shadowed by an earlier, shorter prefix with no more conditions, and a rule all of whose
 * matches are duplicates.
 */
public final class RouteMatches {

  /** A match that never applies, and the earlier rule that takes its requests. */
  public record Ineffective(VirtualService.Route route, int routeIndex, VirtualService.Match match, int matchIndex,
      int shadowedBy, boolean duplicate) {
    public Ineffective {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(match, "match");
    }
  }

  /** A rule that never applies, and why. */
  public record Unreachable(VirtualService.Route route, int routeIndex, String reason) {
    public Unreachable {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The findings for one list of routes (http, tcp or tls). */
  public record Analysis(List<Ineffective> ineffective, List<Unreachable> unreachable) {
    public Analysis {
      ineffective = List.copyOf(ineffective);
      unreachable = List.copyOf(unreachable);
    }
  }

  private RouteMatches() {}

  public static Analysis analyse(List<VirtualService.Route> routes) {
    List<Ineffective> ineffective = new ArrayList<>();
    List<Unreachable> unreachable = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<VirtualService.Match> earlier = new ArrayList<>();
    List<Integer> earlierRoute = new ArrayList<>();
    boolean matchless = false;
    for (int rn = 0; rn < routes.size(); rn++) {
      VirtualService.Route route = routes.get(rn);
      if (matchless && !route.match().isEmpty()) {
        unreachable.add(new Unreachable(route, rn, "an earlier rule without match takes every request"));
        continue;
      }
      if (route.match().isEmpty()) {
        if (matchless) {
          unreachable.add(new Unreachable(route, rn, "only the last rule can have no matches"));
        }
        matchless = true;
        continue;
      }
      int duplicates = 0;
      for (int mn = 0; mn < route.match().size(); mn++) {
        VirtualService.Match m = route.match().get(mn);
        Integer dup = seen.get(m.conditions());
        if (dup != null) {
          ineffective.add(new Ineffective(route, rn, m, mn, dup, true));
          duplicates++;
        } else {
          seen.put(m.conditions(), rn);
          Optional<Integer> shadow = shadowingPrefix(m, earlier, earlierRoute);
          if (shadow.isPresent()) {
            ineffective.add(new Ineffective(route, rn, m, -1, shadow.get(), false));
          }
        }
        earlier.add(m);
        earlierRoute.add(rn);
      }
      if (duplicates == route.match().size()) {
        unreachable.add(new Unreachable(route, rn, "all its matches are used by earlier rules"));
      }
    }
    // match indexes for messages
    List<Ineffective> numbered = new ArrayList<>();
    for (Ineffective i : ineffective) {
      numbered.add(
          new Ineffective(
              i.route(),
              i.routeIndex(),
              i.match(),
              i.route().match().indexOf(i.match()),
              i.shadowedBy(),
              i.duplicate()));
    }
    return new Analysis(numbered, unreachable);
  }

  /** The rule of an earlier match whose URI prefix is a prefix of this one's and whose other conditions are no more. */
  private static Optional<Integer> shadowingPrefix(
      VirtualService.Match m, List<VirtualService.Match> earlier, List<Integer> earlierRoute) {
    if (m.uri().isEmpty() || !m.uri().get().type().equals("prefix")) {
      return Optional.empty();
    }
    String prefix = m.uri().get().value().value();
    String rest = withoutKey(m.conditions(), "uri");
    for (int i = 0; i < earlier.size(); i++) {
      VirtualService.Match p = earlier.get(i);
      if (p.uri().isEmpty() || !p.uri().get().type().equals("prefix")) {
        continue;
      }
      String earlierPrefix = p.uri().get().value().value();
      if (!prefix.startsWith(earlierPrefix)) {
        continue;
      }
      String earlierRest = withoutKey(p.conditions(), "uri");
      if (earlierRest.equals("{}") || earlierRest.equals(rest)) {
        return Optional.of(earlierRoute.get(i));
      }
    }
    return Optional.empty();
  }

  /** The canonical conditions text without one top-level key. */
  static String withoutKey(String conditions, String key) {
    if (conditions.length() < 2) {
      return conditions;
    }
    String body = conditions.substring(1, conditions.length() - 1);
    StringBuilder out = new StringBuilder("{");
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && (c == '{' || c == '[')) {
        depth++;
      } else if (!quoted && (c == '}' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ';') {
        String entry = body.substring(start, i + 1);
        if (!entry.startsWith(key + "=")) {
          out.append(entry);
        }
        start = i + 1;
      }
    }
    return out.append('}').toString();
  }

  /** The rule's name for messages: its {@code name}, else its 1-based number. */
  public static String ruleName(VirtualService.Route route, int index) {
    return route.name().map(n -> "\"" + n.value() + "\"").orElse("#" + (index + 1));
  }

  /** Where to report a rule: its name, else the rule itself. */
  public static Located<String> ruleField(VirtualService.Route route, int index) {
    return route.name().orElse(Located.of("#" + (index + 1), route.span()));
  }
}
