package dev.istiolint.core.engine.tls;

import dev.istiolint.core.report.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Renders routes of a {@link TlsMatrix} for {@code istio-lint tls}: a compact table plus, for every route that is
 * not OK, what decided each side, what happens on the wire and the fix; or the JSON document of the README.
 *
 * <p>Both write route by route as the matrix expands them, so memory does not grow with the number of routes (a
 * mesh of 10,000 resources has over a million, a gigabyte of JSON).
 */
public final class TlsReport {

  private TlsReport() {}

  /** How many routes a report showed, by verdict. */
  public record Tally(long ok, long conflict, long insecure) {

    public long routes() {
      return ok + conflict + insecure;
    }

    Tally plus(Verdict v) {
      return switch (v) {
        case OK -> new Tally(ok + 1, conflict, insecure);
        case CONFLICT -> new Tally(ok, conflict + 1, insecure);
        case INSECURE -> new Tally(ok, conflict, insecure + 1);
      };
    }
  }

  /** The routes a report shows: from the client namespaces and to the hosts that pass the filters. */
  public record Selection(Predicate<String> clientNamespace, Predicate<String> host) {

    void forEach(TlsMatrix m, Predicate<RouteGroup> groups, Consumer<Route> action) {
      m.forEachRoute(clientNamespace, host, groups, action);
    }

    void forEachOutcome(TlsMatrix m, BiConsumer<String, RouteGroup> action) {
      m.forEachOutcome(clientNamespace, host, g -> true, action);
    }
  }

  /**
   * Writes the JSON document to {@code out}: {@code istioVersion}, {@code istioVersionReason}, {@code profile},
   * {@code autoMtls}, {@code rootNamespace} and {@code routes}.
   */
  public static Tally json(
      Appendable out, TlsMatrix m, String istioVersion, String versionReason, Selection routes) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("istioVersion", istioVersion);
    root.put("istioVersionReason", versionReason);
    root.put("profile", m.profile().label());
    root.put("autoMtls", m.autoMtls());
    root.put("rootNamespace", m.rootNamespace());
    root.put("routes", List.of());
    String head = Json.write(root);
    // the document without its last member's value: "routes": [] and the closing brace are written below
    write(out, head.substring(0, head.lastIndexOf("[]")));
    Tally[] tally = {new Tally(0, 0, 0)};
    StringBuilder item = new StringBuilder();
    routes.forEach(m, g -> true, r -> {
      item.setLength(0);
      item.append(tally[0].routes() == 0 ? "[\n    " : ",\n    ");
      Json.append(item, route(r), "    ");
      write(out, item);
      tally[0] = tally[0].plus(r.verdict());
    });
    write(out, tally[0].routes() == 0 ? "[]\n}\n" : "\n  ]\n}\n");
    return tally[0];
  }

  private static Map<String, Object> route(Route r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("clientNamespace", r.clientNamespace());
    o.put("host", r.host());
    o.put("port", r.port());
    o.put("subset", r.subset().orElse(null));
    o.put("clientTls", r.clientTls().name());
    o.put("serverMtls", r.serverMtls().name());
    o.put("verdict", r.verdict().name());
    o.put("clientTlsSource", source(r.clientTlsSource()));
    o.put("serverMtlsSource", source(r.serverMtlsSource()));
    o.put("explanation", r.explanation());
    return o;
  }

  private static void write(Appendable out, CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object source(Optional<Provenance> p) {
    if (p.isEmpty()) {
      return null;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kind", p.get().resource().kind());
    o.put("namespace", p.get().resource().namespace());
    o.put("name", p.get().resource().name());
    o.put("file", p.get().span().file());
    o.put("line", p.get().span().startLine());
    return o;
  }

  /**
   * Writes the text report to {@code out}: header, one line per route, then the details of every route that is not
   * OK, then counts. Only the routes that are not OK are built, with their explanations; the list comes from the
   * route groups.
   */
  public static Tally text(
      Appendable out, TlsMatrix m, String istioVersion, String versionReason, Selection routes) {
    StringBuilder sb = new StringBuilder();
    sb.append("Istio ").append(istioVersion).append(" (profile ").append(m.profile().label()).append("; ")
        .append(versionReason).append("), auto mTLS ").append(m.autoMtls() ? "on" : "off")
        .append(", root namespace ").append(m.rootNamespace()).append("\n\n");
    write(out, sb);
    Tally[] tally = {new Tally(0, 0, 0)};
    routes.forEachOutcome(m, (ns, g) -> {
      sb.setLength(0);
      sb.append(Route.describe(ns, g.host(), g.port(), g.subset())).append(' ').append(g.clientTls()).append(" → ")
          .append(g.serverMtls()).append(' ').append(g.verdict()).append('\n');
      write(out, sb);
      tally[0] = tally[0].plus(g.verdict());
    });
    Tally t = tally[0];
    if (t.routes() == 0) {
      write(out, "No routes: the input has no client proxies (injected workloads or gateways) or no services.\n");
      return t;
    }
    if (t.conflict() + t.insecure() > 0) {
      routes.forEach(m, g -> g.verdict() != Verdict.OK, r -> {
        sb.setLength(0);
        details(sb, r);
        write(out, sb);
      });
    }
    sb.setLength(0);
    sb.append('\n').append(t.routes()).append(t.routes() == 1 ? " route: " : " routes: ").append(t.ok())
        .append(" OK, ").append(t.conflict()).append(" CONFLICT, ").append(t.insecure()).append(" INSECURE\n");
    write(out, sb);
    return t;
  }

  private static void details(StringBuilder sb, Route r) {
    sb.append('\n').append(r.verdict()).append(": ").append(r.describe()).append('\n');
    sb.append("  client sends ").append(r.clientTls())
        .append(r.clientTlsSource().map(s -> ", decided by " + s.describe()).orElse(" (no configuration: default)"))
        .append('\n');
    r.replacedRule().ifPresent(p -> sb.append("    it replaced the broader ").append(p.describe()).append('\n'));
    sb.append("  server accepts ").append(r.serverMtls())
        .append(r.serverMtlsSource().map(s -> ", enforced by " + s.describe()).orElse(""))
        .append('\n');
    r.wire().ifPresent(w -> sb.append("  on the wire: ").append(w).append('\n'));
    r.fix().ifPresent(f -> sb.append("  fix: ").append(f).append('\n'));
    sb.append("  decision:\n");
    r.explanation().forEach(x -> sb.append("    - ").append(x).append('\n'));
  }
}
