package dev.istiolint.core.report;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.RelatedLocation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML for CI dashboards: one test case per file analysed, one {@code <failure>} per finding in it. A clean file
 * is a passing test case. No timestamps or durations, so the output is deterministic.
 */
public final class JunitReporter implements Reporter {

  @Override
  public void write(LintResult result, Writer out) throws IOException {
    Map<String, List<Diagnostic>> byFile = new TreeMap<>();
    result.files().forEach(f -> byFile.put(f, new ArrayList<>()));
    result.findings().forEach(d -> byFile.computeIfAbsent(d.span().file(), k -> new ArrayList<>()).add(d));
    int failures = result.findings().size();
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<testsuites name=\"istio-lint\" tests=\"" + byFile.size() + "\" failures=\"" + failures + "\" errors=\"0\">\n");
    out.write("  <testsuite name=\"istio-lint\" tests=\"" + byFile.size() + "\" failures=\"" + failures
        + "\" errors=\"0\" skipped=\"0\">\n");
    for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
      String name = attr(e.getKey());
      if (e.getValue().isEmpty()) {
        out.write("    <testcase classname=\"istio-lint\" name=\"" + name + "\"/>\n");
        continue;
      }
      out.write("    <testcase classname=\"istio-lint\" name=\"" + name + "\">\n");
      for (Diagnostic d : e.getValue()) {
        StringBuilder body = new StringBuilder(d.toString()).append('\n');
        for (RelatedLocation r : d.related()) {
          body.append("related: ").append(r.span()).append(": ").append(r.message()).append('\n');
        }
        body.append("see ").append(d.rule().docUrl());
        out.write("      <failure type=\"" + attr(d.ruleId() + " " + d.rule().name()) + "\" message=\""
            + attr(d.span() + ": " + d.severity().label() + ": " + d.message()) + "\">" + text(body.toString())
            + "</failure>\n");
      }
      out.write("    </testcase>\n");
    }
    out.write("  </testsuite>\n");
    out.write("</testsuites>\n");
  }

  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  /** Escapes markup and replaces what XML 1.0 cannot carry (most control characters, lone surrogates). */
  private static String text(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> {
          boolean allowed =
              cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                  || cp >= 0x10000;
          if (allowed) {
            out.appendCodePoint(cp);
          } else {
            out.append(String.format("\\u%04x", cp));
          }
        }
      }
    }
    return out.toString();
  }
}
