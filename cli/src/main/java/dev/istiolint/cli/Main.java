package dev.istiolint.cli;

import dev.istiolint.core.LintException;
import dev.istiolint.core.report.TextReporter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** The {@code istio-lint} entry point. {@link #run} is what tests call; {@link #main} only adds the exit. */
public final class Main {

  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private Main() {}

  public static void main(String[] args) {
    // standard output's file itself, not System.out: a PrintStream hides write errors (a closed pipe) from the writer
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    String noColor = System.getenv("NO_COLOR");
    boolean terminal = System.console() != null && (noColor == null || noColor.isEmpty());
    System.exit(run(args, System.in, out, err, terminal));
  }

  /** Runs with standard input from {@code System.in} and no terminal colours. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.in, out, err, false);
  }

  /** Runs the command line; {@code terminal} allows colours on {@code out}. Returns the exit code. */
  static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err, boolean terminal) {
    IstioLintCommand top = new IstioLintCommand(stdin, terminal);
    CommandLine cl = new CommandLine(top);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("error: " + TextReporter.clean(String.valueOf(ex.getMessage()), 1000));
          ex.getCommandLine().getErr().println("Run 'istio-lint " + commandName(ex.getCommandLine()) + "--help' for usage.");
          return ExitCode.USAGE.code();
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          PrintWriter e = c.getErr();
          if (ex instanceof LintException le) {
            e.println("error: " + TextReporter.clean(String.valueOf(le.getMessage()), 1000));
            return le.kind() == LintException.Kind.USAGE ? ExitCode.USAGE.code() : ExitCode.INCOMPLETE.code();
          }
          String what = ex.getMessage() == null ? "an unexpected failure" : ex.getMessage();
          e.println("internal error: " + TextReporter.clean(what, 1000) + " (rerun with --debug)");
          if (top.debug()) {
            ex.printStackTrace(e);
          }
          return ExitCode.INCOMPLETE.code();
        });
    List<String> argv = new ArrayList<>(List.of(args));
    if (args.length > 0 && !cl.getSubcommands().containsKey(args[0]) && !TOP_LEVEL_OPTIONS.contains(args[0])) {
      argv.add(0, "check");
    }
    int code;
    try {
      code = cl.execute(argv.toArray(String[]::new));
    } catch (OutOfMemoryError e) {
      // what the run held is unreachable by now, so there is room to say what happened
      out.flush();
      err.println("error: out of memory (the Java heap is at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MiB): check fewer files at once, or give Java more heap (ISTIO_LINT_JAVA_OPTS=-Xmx4g with the launcher)");
      if (top.debug()) {
        e.printStackTrace(err);
      }
      code = ExitCode.INCOMPLETE.code();
    }
    out.flush();
    if (out.checkError()) {
      err.println("error: the report could not be written to standard output");
      code = code == ExitCode.USAGE.code() ? code : ExitCode.INCOMPLETE.code();
    }
    err.flush();
    return code;
  }

  private static String commandName(CommandLine c) {
    return c.getParent() == null ? "" : c.getCommandName() + " ";
  }
}
