package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;

/**
 * One document of a file (or one item of a {@code kind: List}), with its root node. {@code index} counts the
 * non-empty documents of the file from 0. {@code strings} is the pool the loader put the document's texts in; decoders
 * put the texts they compute there too. {@code suspectScalars} false guarantees that every scalar reads as its text:
 * none has a tag, and no plain one is a word YAML 1.1 reads as a boolean, or an infinity or NaN; true says nothing.
 */
public record YDocument(String file, int index, YNode root, StringPool strings, boolean suspectScalars) {

  public YDocument {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(strings, "strings");
  }

  /** A document whose scalars nobody has looked at. */
  public YDocument(String file, int index, YNode root, StringPool strings) {
    this(file, index, root, strings, true);
  }

  /** A document with a pool of its own, whose scalars nobody has looked at. */
  public YDocument(String file, int index, YNode root) {
    this(file, index, root, new StringPool());
  }

  public SourceSpan span() {
    return root.span();
  }
}
