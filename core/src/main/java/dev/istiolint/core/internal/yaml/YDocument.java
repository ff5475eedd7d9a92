package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * One document of a file (or one item of a {@code kind: List}), with its root node. {@code index} counts the
 * non-empty documents of the file from 0.
 */
public record YDocument(String file, int index, YNode root) {

  public YDocument {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(root, "root");
  }

  public SourceSpan span() {
    return root.span();
  }
}
