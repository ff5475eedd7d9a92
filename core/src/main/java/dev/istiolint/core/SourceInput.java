package dev.istiolint.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An in-memory manifest: a display name (used in every position) and its bytes. Used for stdin and by library
 * callers that hold manifests in memory.
 */
public record SourceInput(String name, byte[] content) {

  public SourceInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    content = content.clone();
  }

  public static SourceInput of(String name, String text) {
    return new SourceInput(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
