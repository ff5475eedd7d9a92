package dev.istiolint.core.report;

import dev.istiolint.core.LintException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a report file so that readers see the old content or the new one, never half of it. */
public final class AtomicFile {

  private AtomicFile() {}

  /**
   * Writes {@code text} as UTF-8 to a temporary file next to {@code target}, then renames it over {@code target}
   * (creating missing parent folders). A target that exists and is not a regular file (a device such as {@code
   * /dev/stdout}, a FIFO) is written in place instead. Throws {@link LintException} of kind IO when that fails.
   */
  public static void write(Path target, String text) {
    Path abs = target.toAbsolutePath();
    try {
      if (Files.isDirectory(abs)) {
        throw new LintException(LintException.Kind.IO, "cannot write " + target + ": it is a folder");
      }
      if (Files.exists(abs) && !Files.isRegularFile(abs)) {
        // a device or pipe (/dev/stdout, a FIFO): written in place, since a rename would replace the device node
        try (OutputStream out = Files.newOutputStream(abs, StandardOpenOption.WRITE)) {
          out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return;
      }
      Path dir = Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new LintException(LintException.Kind.IO, "cannot write " + target + ": " + reason(e), e);
    }
  }

  /** An I/O failure in words, without exception class names. */
  private static String reason(IOException e) {
    if (e instanceof NotDirectoryException) {
      return "a part of the path is a file, not a folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? "an input/output error" : e.getMessage();
  }
}
