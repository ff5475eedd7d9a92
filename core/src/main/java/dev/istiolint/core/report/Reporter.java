package dev.istiolint.core.report;

import dev.istiolint.core.LintResult;
import java.io.IOException;
import java.io.Writer;

/** Turns a result into one output format. Output is deterministic: the same result gives the same bytes. */
public interface Reporter {

  /** Writes the report for {@code result} to {@code out}; does not close it. */
  void write(LintResult result, Writer out) throws IOException;
}
