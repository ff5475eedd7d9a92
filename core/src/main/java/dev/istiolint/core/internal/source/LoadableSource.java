package dev.istiolint.core.internal.source;

import dev.istiolint.core.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * An input to parse: a file, read only when its turn to load comes (so that a large input is never held in memory
 * all at once), or text given in memory (stdin, library callers). Files found by {@link SourceCollector} passed its
 * checks (a regular file within the size cap when the folder was walked); what can still go wrong when reading comes
 * back from {@link #read()} as a finding.
 */
public final class LoadableSource {

  /** The content of a source, or the finding that says why there is none. Exactly one of them is set. */
  public record Read(byte[] bytes, Diagnostic problem) {
    public Read {
      if ((bytes == null) == (problem == null)) {
        throw new IllegalArgumentException("either bytes or a problem");
      }
    }
  }

  private final String displayPath;
  private final Path file;
  private final byte[] content;
  private final long size;
  private final long cap;

  private LoadableSource(String displayPath, Path file, byte[] content, long size, long cap) {
    this.displayPath = Objects.requireNonNull(displayPath, "displayPath");
    this.file = file;
    this.content = content;
    this.size = size;
    this.cap = cap;
  }

  /** Text given in memory, already within the size cap. */
  public static LoadableSource inMemory(String displayPath, byte[] content) {
    Objects.requireNonNull(content, "content");
    return new LoadableSource(displayPath, null, content, content.length, content.length);
  }

  /** A regular file of {@code size} bytes (when it was looked at), to be read with at most {@code cap} bytes. */
  static LoadableSource file(String displayPath, Path file, long size, long cap) {
    return new LoadableSource(displayPath, Objects.requireNonNull(file, "file"), null, size, cap);
  }

  /** The path shown in findings. */
  public String displayPath() {
    return displayPath;
  }

  /** The size in bytes: of the text in memory, or of the file when its folder was walked. */
  public long size() {
    return size;
  }

  /** The content: the text in memory, or the file read now (never more than the cap plus one byte). */
  public Read read() {
    if (file == null) {
      return new Read(content, null);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = SourceCollector.readCapped(in, cap, size);
    } catch (AccessDeniedException e) {
      return new Read(null, SourceCollector.unreadable(displayPath, "this file cannot be read: permission denied"));
    } catch (IOException e) {
      return new Read(null, SourceCollector.unreadable(displayPath, "this file cannot be read: " + SourceCollector.reason(e)));
    }
    if (bytes.length > cap) {
      return new Read(
          null,
          SourceCollector.tooLarge(
              displayPath, "the file grew to more than " + SourceCollector.describe(cap) + " while being read"));
    }
    return new Read(bytes, null);
  }

  /**
   * The content again, for quoting lines after the analysis: the text in memory, or the file read once more if it
   * still has the {@link #checksum} its analysed content had; empty if it changed or can no longer be read.
   */
  public Optional<byte[]> readAgain(long checksum) {
    Read again = read();
    if (again.bytes() == null || checksum(again.bytes()) != checksum) {
      return Optional.empty();
    }
    return Optional.of(again.bytes());
  }

  /** A checksum of content (CRC32C with the length), to tell whether a file changed between two reads. */
  public static long checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return ((long) bytes.length << 32) ^ crc.getValue();
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
