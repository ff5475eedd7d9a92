package dev.istiolint.core.report;

import dev.istiolint.core.LintException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report file so that readers see the old content or the new one, never half of it. */
public final class AtomicFile {

  private AtomicFile() {}

  /**
   * Writes {@code text} as UTF-8 to a temporary file next to {@code target}, then renames it over {@code target}
   * (creating missing parent folders). Throws {@link LintException} of kind IO when that fails.
   */
  public static void write(Path target, String text) {
    Path abs = target.toAbsolutePath();
    try {
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
      throw new LintException(LintException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
