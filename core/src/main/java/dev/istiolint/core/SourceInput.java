package dev.istiolint.core;

import dev.istiolint.core.internal.source.SourceCollector;
import java.io.IOException;
import java.io.InputStream;
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

  /**
   * Reads a stream such as stdin, never more than {@code maxBytes + 1} bytes, so an endless or huge stream costs
   * bounded time and memory. Pass the request's {@code maxFileBytes}: a longer stream then becomes a file-too-large
   * finding instead of being parsed.
   */
  public static SourceInput read(String name, InputStream in, long maxBytes) throws IOException {
    return new SourceInput(name, SourceCollector.readCapped(in, maxBytes));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
