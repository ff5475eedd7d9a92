package dev.istiolint.core;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.internal.suppress.SourceLines;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of a run.
 *
 * @param findings sorted findings after suppressions and severity overrides
 * @param summary counts
 * @param istioVersion the Istio version whose semantics were applied
 * @param istioVersionReason why that version: given by the caller, implied by legacy kinds, or the default
 * @param snapshot everything loaded, indexed
 * @param internalErrors the exceptions behind internal-error findings, for {@code --debug}
 * @param missingPaths requested paths that do not exist, as given (the others were analysed)
 * @param files the display paths of the files reported on, sorted (context-only files excluded)
 * @param sourceLines the text lines of every file that has a finding, by display path, for reporters that quote
 *     the source. Reporters never open files; the lines of a file are read again from it when first used (the text is
 *     not held while the analysis runs), and only if it is still what was analysed: a file changed since has no
 *     lines
 */
public record LintResult(
    List<Diagnostic> findings,
    Summary summary,
    IstioVersion istioVersion,
    String istioVersionReason,
    MeshSnapshot snapshot,
    List<Throwable> internalErrors,
    List<String> missingPaths,
    List<String> files,
    Map<String, List<String>> sourceLines) {

  public LintResult {
    findings = List.copyOf(findings);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(istioVersion, "istioVersion");
    Objects.requireNonNull(istioVersionReason, "istioVersionReason");
    Objects.requireNonNull(snapshot, "snapshot");
    internalErrors = List.copyOf(internalErrors);
    missingPaths = List.copyOf(missingPaths);
    files = List.copyOf(files);
    Map<String, List<String>> lines = new TreeMap<>();
    sourceLines.forEach((k, v) -> lines.put(k, SourceLines.copyOf(v)));
    sourceLines = Collections.unmodifiableMap(lines);
  }

  /** A result without missing paths, file list or source lines (the original form, kept for callers). */
  public LintResult(
      List<Diagnostic> findings,
      Summary summary,
      IstioVersion istioVersion,
      String istioVersionReason,
      MeshSnapshot snapshot,
      List<Throwable> internalErrors) {
    this(findings, summary, istioVersion, istioVersionReason, snapshot, internalErrors, List.of(), List.of(), Map.of());
  }

  /** The text of line {@code line} (1-based) of {@code file}, when the file has findings and the line exists. */
  public Optional<String> sourceLine(String file, int line) {
    List<String> lines = sourceLines.get(file);
    if (lines == null || line < 1 || line > lines.size()) {
      return Optional.empty();
    }
    return Optional.of(lines.get(line - 1));
  }

  /** True when some finding is at {@code threshold} or worse. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(d -> d.severity().atLeast(threshold));
  }

  /** True when the analysis could not complete: an input could not be read, or a rule failed. */
  public boolean incomplete() {
    return findings.stream()
        .anyMatch(
            d ->
                d.rule().equals(CoreRules.INTERNAL_ERROR) || d.rule().equals(CoreRules.UNREADABLE_PATH));
  }
}
