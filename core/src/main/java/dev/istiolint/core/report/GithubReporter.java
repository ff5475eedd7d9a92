package dev.istiolint.core.report;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.diag.Diagnostic;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one per finding: {@code ::error file=F,line=L,col=C,title=ID::message}. GitHub
 * shows them as annotations on the pull request. Info findings become notices.
 */
public final class GithubReporter implements Reporter {

  @Override
  public void write(LintResult result, Writer out) throws IOException {
    for (Diagnostic d : result.findings()) {
      String command =
          switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
          };
      out.write(
          "::" + command + " file=" + property(d.span().file()) + ",line=" + d.span().startLine() + ",col="
              + d.span().startColumn() + ",title=" + property(d.ruleId() + " " + d.rule().name()) + "::"
              + data(d.message() + " (" + d.rule().docUrl() + ")") + "\n");
    }
  }

  /** Workflow-command escaping, plus control, bidi and unpaired surrogate characters shown as {@code \\uXXXX}. */
  private static String data(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '%' -> out.append("%25");
        case '\r' -> out.append("%0D");
        case '\n' -> out.append("%0A");
        default -> {
          if (cp == '\t') {
            out.append('\t');
          } else {
            out.append(TextReporter.clean(new String(Character.toChars(cp)), 1));
          }
        }
      }
    }
    return out.toString();
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
