package dev.istiolint.cli;

/** The process exit codes of {@code istio-lint}. They never depend on the output format. */
public enum ExitCode {
  /** No finding at or above the {@code --fail-on} threshold (or {@code --exit-zero} / {@code --fail-on never}). */
  OK(0),
  /** At least one finding at or above the {@code --fail-on} threshold (default: error). */
  FINDINGS(1),
  /** The invocation is wrong: an unknown option or rule id, a bad configuration file, a path that does not exist. */
  USAGE(2),
  /** The analysis could not complete: an input could not be read, or istio-lint failed internally (LINT001). */
  INCOMPLETE(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The number the process exits with. */
  public int code() {
    return code;
  }
}
