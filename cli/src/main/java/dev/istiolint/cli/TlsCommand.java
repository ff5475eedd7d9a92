package dev.istiolint.cli;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.engine.tls.TlsMatrix;
import dev.istiolint.core.engine.tls.TlsReport;
import dev.istiolint.core.engine.tls.TlsResolver;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code istio-lint tls}: the effective TLS of every route, why, and how to fix the broken ones. */
@Command(name = "tls", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Show the TLS each client sends and the mTLS mode each server accepts, per route, with the verdict.",
    footerHeading = "%nExit codes:%n",
    footer = {"  0 no route is CONFLICT, 1 some route is CONFLICT,", "  2 usage error, 3 analysis incomplete"})
final class TlsCommand implements Callable<Integer> {

  enum Format { text, json }

  @ParentCommand IstioLintCommand top;
  @Mixin InputOptions input;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--from", paramLabel = "NAMESPACE", description = "Only routes from clients in this namespace.")
  String from;

  @Option(names = "--host", paramLabel = "HOST", description = "Only routes to this host (a full name, or its first labels such as httpbin.foo).")
  String host;

  @Override
  public Integer call() {
    // the report needs the mesh, not the findings: no rule runs, so the matrix is built once, below
    LintResult result = Linter.lint(input.toMeshRequest(top.stdin()).build());
    TlsMatrix matrix = TlsResolver.of(
        result.snapshot(), input.threads > 0 ? input.threads : Runtime.getRuntime().availableProcessors());
    TlsReport.Selection routes = new TlsReport.Selection(
        ns -> from == null || ns.equals(from),
        h -> host == null || h.equals(host) || h.startsWith(host + "."));
    String version = result.istioVersion().toString();
    PrintWriter out = top.spec.commandLine().getOut();
    StopWhenUnwritable sink = new StopWhenUnwritable(out);
    TlsReport.Tally shown = null;
    try {
      shown = format == Format.json
          ? TlsReport.json(sink, matrix, version, result.istioVersionReason(), routes)
          : TlsReport.text(sink, matrix, version, result.istioVersionReason(), routes);
    } catch (Unwritable e) {
      // stopped early; Main says why
    }
    PrintWriter err = top.spec.commandLine().getErr();
    result.missingPaths().forEach(p -> err.println("error: no such file or folder: " + p));
    if (!result.missingPaths().isEmpty()) {
      return ExitCode.USAGE.code();
    }
    if (result.incomplete() || shown == null) {
      return ExitCode.INCOMPLETE.code();
    }
    return shown.conflict() > 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  /** Thrown to stop expanding routes once nothing can be written. */
  private static final class Unwritable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unwritable() {
      super(null, null, false, false);
    }
  }

  /**
   * Passes text to {@code out} and, every few thousand pieces, asks whether it can still be written (a reader of the
   * pipe may have gone, as with {@code | head}): a report of a large mesh would otherwise expand every route for
   * nothing.
   */
  private static final class StopWhenUnwritable implements Appendable {
    private final PrintWriter out;
    private int pieces;

    StopWhenUnwritable(PrintWriter out) {
      this.out = out;
    }

    @Override
    public Appendable append(CharSequence text) {
      out.append(text);
      if (++pieces % 4096 == 0 && out.checkError()) {
        throw new Unwritable();
      }
      return this;
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) {
      return append(text.subSequence(start, end));
    }

    @Override
    public Appendable append(char c) {
      return append(String.valueOf(c));
    }
  }
}
