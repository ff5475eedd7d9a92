package dev.istiolint.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: {@code check} is the default; each other subcommand is one class listed here. */
@Command(
    name = "istio-lint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Offline static analysis of Istio manifests: effective mTLS, references, schema.",
    subcommands = {CheckCommand.class, TlsCommand.class, RulesCommand.class, RuleCommand.class, AutoComplete.GenerateCompletion.class},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  nothing at or above --fail-on",
      "  1  findings at or above --fail-on (default: error)",
      "  2  usage error (bad option, unknown rule id, bad config, missing path)",
      "  3  the analysis could not complete (unreadable input, internal error)",
      "",
      "'istio-lint PATHS...' is short for 'istio-lint check PATHS...'."
    })
final class IstioLintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final InputStream stdin;
  private final boolean terminal;
  private boolean debug;

  IstioLintCommand(InputStream stdin, boolean terminal) {
    this.stdin = stdin;
    this.terminal = terminal;
  }

  InputStream stdin() {
    return stdin;
  }

  boolean terminal() {
    return terminal;
  }

  boolean debug() {
    return debug;
  }

  void debug(boolean on) {
    debug = on;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code();
  }
}
