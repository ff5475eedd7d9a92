package dev.istiolint.core.internal.decode;

import dev.istiolint.core.internal.yaml.StringPool;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.model.ObjectMeta;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;

/**
 * What every kind's decoder starts from: identity, metadata, the document span, the root and the {@code spec} map,
 * and the pool for the texts the decoder computes.
 */
record Header(ResourceRef ref, ObjectMeta meta, SourceSpan span, YMap root, YMap spec, StringPool strings) {

  static YMap emptyAt(SourceSpan span) {
    return new YMap(List.of(), span);
  }
}
