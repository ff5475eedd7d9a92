package dev.istiolint.core.report;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.Summary;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The human format: per finding {@code path:line:col: severity: [ID] message}, the source line with a caret under
 * the column, one {@code related:} line per related location and a {@code see <doc>} line; then a summary line.
 * Text from the input is escaped (control and bidirectional characters) and cut to a readable length.
 */
public final class TextReporter implements Reporter {

  private static final int MAX_MESSAGE = 400;
  private static final int MAX_SOURCE = 120;

  private final boolean color;
  private final boolean showSource;

  /**
   * @param color ANSI colours (only when writing to a terminal)
   * @param showSource quote the source line with a caret, print related and doc lines, and end with the summary;
   *     without it, only the finding lines are printed ({@code --quiet})
   */
  public TextReporter(boolean color, boolean showSource) {
    this.color = color;
    this.showSource = showSource;
  }

  @Override
  public void write(LintResult result, Writer out) throws IOException {
    for (Diagnostic d : result.findings()) {
      out.write(position(d.span()) + ": " + paint(d.severity()) + ": [" + d.ruleId() + "] " + clean(d.message(), MAX_MESSAGE) + "\n");
      if (!showSource) {
        continue;
      }
      Optional<String> line = result.sourceLine(d.span().file(), d.span().startLine());
      if (line.isPresent()) {
        out.write(quote(line.get(), d.span().startLine(), d.span().startColumn()));
      }
      for (RelatedLocation r : d.related()) {
        out.write("  related: " + position(r.span()) + ": " + clean(r.message(), MAX_MESSAGE) + r.resource().map(ref -> " (" + clean(ref.toString(), 200) + ")").orElse("") + "\n");
      }
      out.write("  see " + d.rule().docUrl() + "\n");
      out.write("\n");
    }
    if (showSource) {
      out.write(summaryLine(result) + "\n");
    }
  }

  /** The last line of a text report, also printed to the console when the report goes to a file. */
  public static String summaryLine(LintResult result) {
    Summary s = result.summary();
    String counts =
        s.files() + plural(s.files(), " file") + ", " + s.documents() + plural(s.documents(), " document") + ", "
            + s.resources() + plural(s.resources(), " resource");
    String version = "Istio " + result.istioVersion() + " semantics: " + clean(result.istioVersionReason(), 200);
    if (s.errors() + s.warnings() + s.infos() == 0) {
      return "No problems found in " + counts + "; " + version + ".";
    }
    return "Found " + s.errors() + plural(s.errors(), " error") + ", " + s.warnings() + plural(s.warnings(), " warning")
        + ", " + s.infos() + plural(s.infos(), " info") + " in " + counts + "; " + version + ".";
  }

  /** Counts per rule id, one {@code count  ID  name  severity} line each, most frequent first. */
  public static String statistics(LintResult result) {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Diagnostic> sample = new TreeMap<>();
    for (Diagnostic d : result.findings()) {
      counts.merge(d.ruleId(), 1, Integer::sum);
      sample.putIfAbsent(d.ruleId(), d);
    }
    StringBuilder out = new StringBuilder();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e -> {
              Diagnostic d = sample.get(e.getKey());
              out.append(String.format("%5d  %-9s %-32s %s%n", e.getValue(), e.getKey(), d.rule().name(), d.severity().label()));
            });
    return out.toString().replace("\r\n", "\n");
  }

  /**
   * {@code text} made safe for a terminal: control, bidirectional-override and unpaired surrogate characters are
   * shown as {@code \\uXXXX} escapes (tab, CR and LF as {@code \\t}, {@code \\r}, {@code \\n}), and the result is cut
   * to {@code max} code points with an ellipsis.
   */
  public static String clean(String text, int max) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (count++ >= max) {
        out.append("...");
        break;
      }
      out.append(escape(cp));
    }
    return out.toString();
  }

  private static String escape(int cp) {
    switch (cp) {
      case '\t':
        return "\\t";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      default:
        break;
    }
    boolean bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || bidi || Character.getType(cp) == Character.SURROGATE
        || cp == 0x2028 || cp == 0x2029) {
      return String.format("\\u%04x", cp);
    }
    return new String(Character.toChars(cp));
  }

  /** {@code file:line:column} with the file name escaped: a name may hold newlines or escape sequences. */
  private static String position(SourceSpan span) {
    return clean(span.file(), 300) + ":" + span.startLine() + ":" + span.startColumn();
  }

  private String quote(String line, int lineNo, int column) {
    int[] cps = line.codePoints().toArray();
    int from = Math.max(0, Math.min(column - 1, cps.length) - MAX_SOURCE / 2);
    int to = Math.min(cps.length, from + MAX_SOURCE);
    StringBuilder shown = new StringBuilder(from > 0 ? "..." : "");
    StringBuilder before = new StringBuilder(from > 0 ? "..." : "");
    for (int i = from; i < to; i++) {
      String e = escape(cps[i]);
      shown.append(e);
      if (i < column - 1) {
        before.append(e);
      }
    }
    if (to < cps.length) {
      shown.append("...");
    }
    String gutter = String.valueOf(lineNo);
    String pad = " ".repeat(gutter.length());
    String caret = color ? "\u001b[1;32m^\u001b[0m" : "^";
    String source = shown.length() == 0 ? " " + gutter + " |" : " " + gutter + " | " + shown;
    return source + "\n" + " " + pad + " | " + " ".repeat(before.codePointCount(0, before.length())) + caret + "\n";
  }

  private String paint(Severity s) {
    if (!color) {
      return s.label();
    }
    String code = switch (s) {
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case INFO -> "1;36";
    };
    return "\u001b[" + code + "m" + s.label() + "\u001b[0m";
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }
}
