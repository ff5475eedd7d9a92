package dev.istiolint.core.report;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.Summary;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.model.ResourceRef;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The JSON report, in the documented contract ({@code docs: README, "JSON output"}); field order is fixed. */
public final class JsonReporter implements Reporter {

  private final String toolVersion;

  public JsonReporter(String toolVersion) {
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
  }

  @Override
  public void write(LintResult result, Writer out) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "istio-lint");
    tool.put("version", toolVersion);
    root.put("tool", tool);
    root.put("istioVersion", result.istioVersion().toString());
    List<Object> findings = new ArrayList<>();
    for (Diagnostic d : result.findings()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("ruleId", d.ruleId());
      f.put("ruleName", d.rule().name());
      f.put("istioCode", d.rule().istioCode().orElse(null));
      f.put("severity", d.severity().label());
      f.put("message", d.message());
      f.put("file", d.span().file());
      f.put("line", d.span().startLine());
      f.put("column", d.span().startColumn());
      f.put("resource", d.resource().map(r -> resource(r, true)).orElse(null));
      List<Object> related = new ArrayList<>();
      for (RelatedLocation r : d.related()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.span().file());
        m.put("line", r.span().startLine());
        m.put("column", r.span().startColumn());
        m.put("message", r.message());
        m.put("resource", r.resource().map(ref -> resource(ref, false)).orElse(null));
        related.add(m);
      }
      f.put("related", related);
      findings.add(f);
    }
    root.put("findings", findings);
    Summary s = result.summary();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("files", s.files());
    summary.put("documents", s.documents());
    summary.put("resources", s.resources());
    summary.put("errors", s.errors());
    summary.put("warnings", s.warnings());
    summary.put("infos", s.infos());
    root.put("summary", summary);
    out.write(Json.write(root));
  }

  private static Map<String, Object> resource(ResourceRef ref, boolean withApiVersion) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (withApiVersion) {
      m.put("apiVersion", ref.apiVersion());
    }
    m.put("kind", ref.kind());
    m.put("namespace", ref.namespace());
    m.put("name", ref.name());
    return m;
  }
}
