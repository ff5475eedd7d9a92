package dev.istiolint.core;

import dev.istiolint.core.internal.LintRun;

/**
 * The library entry point: {@code LintResult result = Linter.lint(request);}. Thread-safe; every call is independent.
 *
 * <p>Problems in the manifests become findings in the result. Problems with the request itself (an unreadable mesh
 * config file, for example) throw {@link LintException}.
 */
public final class Linter {

  private Linter() {}

  public static LintResult lint(LintRequest request) {
    return new LintRun(request).run();
  }
}
