package dev.istiolint.core.report;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.config.Fingerprint;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: the rules catalogue, one result per finding with a repository-relative
 * location, related locations, and a line-independent {@code partialFingerprints} entry.
 */
public final class SarifReporter implements Reporter {

  private static final String INFORMATION_URI = "https://github.com/istio-lint/istio-lint";

  private final String toolVersion;
  private final List<RuleMeta> catalogue;

  /**
   * @param toolVersion the istio-lint version
   * @param catalogue the rules to describe in {@code tool.driver.rules}; rules of findings are added when missing
   */
  public SarifReporter(String toolVersion, List<RuleMeta> catalogue) {
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    this.catalogue = List.copyOf(catalogue);
  }

  @Override
  public void write(LintResult result, Writer out) throws IOException {
    Map<String, RuleMeta> rules = new TreeMap<>();
    catalogue.forEach(r -> rules.putIfAbsent(r.id(), r));
    result.findings().forEach(d -> rules.putIfAbsent(d.ruleId(), d.rule()));
    List<String> ids = new ArrayList<>(rules.keySet());

    List<Object> ruleObjects = new ArrayList<>();
    for (RuleMeta r : rules.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("name", r.name());
      m.put("shortDescription", text(r.summary()));
      m.put("fullDescription", text(r.summary() + r.istioCode().map(c -> " (istioctl analyze " + c + ")").orElse("")));
      m.put("helpUri", r.docUrl());
      m.put("help", text(r.summary() + ". Documentation: " + r.docUrl()));
      m.put("defaultConfiguration", Map.of("level", level(r.defaultSeverity())));
      Map<String, Object> props = new LinkedHashMap<>();
      r.istioCode().ifPresent(c -> props.put("istioCode", c));
      props.put("tags", List.of(r.id().replaceAll("[0-9]+$", "").toLowerCase(java.util.Locale.ROOT)));
      m.put("properties", props);
      ruleObjects.add(m);
    }

    List<Object> results = new ArrayList<>();
    for (Diagnostic d : result.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ruleId", d.ruleId());
      m.put("ruleIndex", ids.indexOf(d.ruleId()));
      m.put("level", level(d.severity()));
      m.put("message", text(d.message()));
      m.put("locations", List.of(location(d.span(), null)));
      if (!d.related().isEmpty()) {
        List<Object> related = new ArrayList<>();
        int id = 1;
        for (RelatedLocation r : d.related()) {
          Map<String, Object> loc = location(r.span(), r.message());
          Map<String, Object> withId = new LinkedHashMap<>();
          withId.put("id", id++);
          withId.putAll(loc);
          related.add(withId);
        }
        m.put("relatedLocations", related);
      }
      String line = result.sourceLine(d.span().file(), d.span().startLine()).orElse("");
      m.put("partialFingerprints", Map.of("istioLintFingerprint/v1", Fingerprint.of(d, line)));
      results.add(m);
    }

    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "istio-lint");
    driver.put("version", toolVersion);
    driver.put("semanticVersion", toolVersion);
    driver.put("informationUri", INFORMATION_URI);
    driver.put("rules", ruleObjects);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("columnKind", "unicodeCodePoints");
    run.put("results", results);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    root.put("runs", List.of(run));
    out.write(Json.write(root));
  }

  private static Map<String, Object> location(SourceSpan span, String message) {
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", span.startLine());
    region.put("startColumn", span.startColumn());
    if (span.endLine() > span.startLine() || span.endColumn() > span.startColumn()) {
      region.put("endLine", span.endLine());
      region.put("endColumn", span.endColumn());
    }
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", Map.of("uri", uri(span.file())));
    physical.put("region", region);
    Map<String, Object> loc = new LinkedHashMap<>();
    loc.put("physicalLocation", physical);
    if (message != null) {
      loc.put("message", text(message));
    }
    return loc;
  }

  /** A relative URI reference: {@code /} kept, everything outside RFC 3986's unreserved set percent-encoded. */
  static String uri(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static Map<String, Object> text(String s) {
    return Map.of("text", s);
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
