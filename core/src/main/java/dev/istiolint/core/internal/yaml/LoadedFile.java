package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.diag.Diagnostic;
import java.util.List;

/** The documents of one file and the problems found while reading it. */
public record LoadedFile(List<YDocument> documents, List<Diagnostic> problems) {

  public LoadedFile {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }
}
