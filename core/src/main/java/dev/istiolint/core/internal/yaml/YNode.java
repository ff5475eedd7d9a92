package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.source.SourceSpan;

/** A node of a loaded YAML document, with its 1-based span. Immutable; aliases are already expanded. */
public sealed interface YNode permits YMap, YSeq, YScalar {

  SourceSpan span();
}
