package dev.istiolint.core.internal.source;

import java.util.Objects;

/** A file or in-memory input ready to be parsed: its display path and its bytes (already within the size cap). */
public record LoadableSource(String displayPath, byte[] bytes) {

  public LoadableSource {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(bytes, "bytes");
  }
}
