package dev.istiolint.cli;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.config.Baseline;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.report.AtomicFile;
import dev.istiolint.core.report.GithubReporter;
import dev.istiolint.core.report.JsonReporter;
import dev.istiolint.core.report.JunitReporter;
import dev.istiolint.core.report.Reporter;
import dev.istiolint.core.report.SarifReporter;
import dev.istiolint.core.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code istio-lint check}: maps options to a request, runs the linter, reports, and picks the exit code. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Check manifests and report findings (the default command).",
    footerHeading = "%nExit codes:%n",
    footer = {"  0 nothing at or above --fail-on, 1 findings at or above it,", "  2 usage error, 3 analysis incomplete"})
final class CheckCommand implements Callable<Integer> {

  enum Format { text, json, sarif, github, junit }

  enum FailOn { error, warning, info, never }

  @ParentCommand IstioLintCommand top;
  @Mixin InputOptions input;

  @Option(names = "--select", split = ",", paramLabel = "ID", description = "Run only these rules.")
  List<String> select = new ArrayList<>();

  @Option(names = "--ignore", split = ",", paramLabel = "ID", description = "Do not run these rules.")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--severity", paramLabel = "ID=LEVEL", description = "Override a rule's severity: error, warning or info.")
  Map<String, String> severity = new LinkedHashMap<>();

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 on findings at or above: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.error;

  @Option(names = "--exit-zero", description = "Exit 0 even when there are findings (usage errors still exit 2, incomplete runs 3).")
  boolean exitZero;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically); the console gets the summary.")
  Path output;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not recorded in FILE.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Record the current findings in FILE and exit 0.")
  Path writeBaseline;

  @Option(names = {"-q", "--quiet"}, description = "Print only the finding lines.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Also list the rules run and not run, and the Istio version chosen.")
  boolean verbose;

  @Option(names = "--statistics", description = "Print the number of findings per rule.")
  boolean statistics;

  @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set; colours are used only on a terminal).")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  void debug(boolean on) {
    top.debug(on);
  }

  @Override
  public Integer call() throws IOException {
    LintRequest.Builder request = input.toRequest(top.stdin());
    if (!select.isEmpty()) {
      request.clearSelect();
    }
    select.forEach(request::select);
    ignore.forEach(request::ignore);
    severity.forEach(
        (id, level) ->
            request.severity(
                id,
                Severity.parse(level)
                    .orElseThrow(() -> new LintException(LintException.Kind.USAGE, "--severity " + id + "=" + level + ": the level must be error, warning or info"))));
    if (baseline != null) {
      request.baseline(Baseline.read(baseline));
    }
    LintResult result = Linter.lint(request.build());
    PrintWriter out = top.spec.commandLine().getOut();
    PrintWriter err = top.spec.commandLine().getErr();

    if (writeBaseline != null) {
      AtomicFile.write(writeBaseline, Baseline.of(result).toJson());
      out.println("Wrote " + result.findings().size() + " findings to the baseline " + writeBaseline + ".");
    } else {
      StringWriter report = new StringWriter();
      reporter().write(result, report);
      if (output == null) {
        out.print(report);
      } else {
        AtomicFile.write(output, report.toString());
        if (!quiet) {
          out.println(TextReporter.summaryLine(result));
        }
      }
    }
    PrintWriter extras = format == Format.text && output == null ? out : err;
    if (statistics) {
      extras.print(TextReporter.statistics(result));
    }
    if (verbose) {
      extras.println("Istio version: " + result.istioVersion() + " (" + TextReporter.clean(result.istioVersionReason(), 300) + ")");
      extras.println("Rules run: " + String.join(", ", rulesRun(result)));
      result.summary().rulesNotRun().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> extras.println("Rule not run: " + e.getKey() + ": " + TextReporter.clean(e.getValue(), 300)));
    }
    if (top.debug()) {
      result.internalErrors().forEach(t -> t.printStackTrace(err));
    }
    result.missingPaths().forEach(p -> err.println("error: no such file or folder: " + TextReporter.clean(p, 300)));
    if (!result.missingPaths().isEmpty()) {
      return ExitCode.USAGE.code();
    }
    if (result.incomplete()) {
      return ExitCode.INCOMPLETE.code();
    }
    boolean fail = writeBaseline == null && !exitZero && failOn != FailOn.never
        && result.hasFindingsAtLeast(Severity.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT)));
    return fail ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  private List<String> rulesRun(LintResult result) {
    List<String> ids = new ArrayList<>();
    for (var meta : InputOptions.catalogue()) {
      if (!result.summary().rulesNotRun().containsKey(meta.id())
          && !ignore.contains(meta.id()) && (select.isEmpty() || select.contains(meta.id()))) {
        ids.add(meta.id());
      }
    }
    ids.sort(null);
    return ids;
  }

  private Reporter reporter() {
    return switch (format) {
      case text -> new TextReporter(top.terminal() && !noColor && output == null, !quiet);
      case json -> new JsonReporter(VersionProvider.version());
      case sarif -> new SarifReporter(VersionProvider.version(), List.of());
      case github -> new GithubReporter();
      case junit -> new JunitReporter();
    };
  }
}
