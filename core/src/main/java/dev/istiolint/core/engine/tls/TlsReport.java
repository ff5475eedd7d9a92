package dev.istiolint.core.engine.tls;

import dev.istiolint.core.report.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders routes of a {@link TlsMatrix} for {@code istio-lint tls}: a compact table plus, for every route that is
 * not OK, what decided each side, what happens on the wire and the fix; or the JSON document of the README.
 */
public final class TlsReport {

  private TlsReport() {}

  /**
   * The JSON document: {@code istioVersion}, {@code istioVersionReason}, {@code profile}, {@code autoMtls},
   * {@code rootNamespace} and {@code routes}.
   */
  public static String json(TlsMatrix m, String istioVersion, String versionReason, List<Route> routes) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("istioVersion", istioVersion);
    root.put("istioVersionReason", versionReason);
    root.put("profile", m.profile().label());
    root.put("autoMtls", m.autoMtls());
    root.put("rootNamespace", m.rootNamespace());
    List<Object> list = new ArrayList<>();
    for (Route r : routes) {
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
      list.add(o);
    }
    root.put("routes", list);
    return Json.write(root);
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

  /** The text report: header, one line per route, then the details of every route that is not OK, then counts. */
  public static String text(TlsMatrix m, String istioVersion, String versionReason, List<Route> routes) {
    StringBuilder sb = new StringBuilder();
    sb.append("Istio ").append(istioVersion).append(" (profile ").append(m.profile().label()).append("; ")
        .append(versionReason).append("), auto mTLS ").append(m.autoMtls() ? "on" : "off")
        .append(", root namespace ").append(m.rootNamespace()).append("\n\n");
    if (routes.isEmpty()) {
      sb.append("No routes: the input has no client proxies (injected workloads or gateways) or no services.\n");
      return sb.toString();
    }
    for (Route r : routes) {
      sb.append(r.describe()).append(' ').append(r.clientTls()).append(" → ").append(r.serverMtls()).append(' ')
          .append(r.verdict()).append('\n');
    }
    int ok = 0;
    int conflict = 0;
    int insecure = 0;
    for (Route r : routes) {
      switch (r.verdict()) {
        case OK -> ok++;
        case CONFLICT -> conflict++;
        case INSECURE -> insecure++;
      }
      if (r.verdict() == Verdict.OK) {
        continue;
      }
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
    sb.append('\n').append(routes.size()).append(routes.size() == 1 ? " route: " : " routes: ").append(ok)
        .append(" OK, ").append(conflict).append(" CONFLICT, ").append(insecure).append(" INSECURE\n");
    return sb.toString();
  }
}
