package dev.istiolint.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared {@code testdata/} folder and the optional reference corpus from tests in any module. */
public final class TestData {

  private TestData() {}

  /** The {@code testdata/} folder: the {@code istiolint.testdata} property, else found by walking up. */
  public static Path root() {
    String prop = System.getProperty("istiolint.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException(
        "testdata folder not found; set -Distiolint.testdata or run from inside the repository");
  }

  /**
   * The reference corpus ({@code ../shared/reference}), when this machine has it: the {@code istiolint.reference}
   * property, else a {@code shared/reference} folder beside one of the working directory's ancestors (a git worktree
   * may sit deeper than the main checkout).
   */
  public static Optional<Path> reference() {
    String prop = System.getProperty("istiolint.reference");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Optional.of(Path.of(prop).toAbsolutePath().normalize());
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("reference");
      if (Files.isDirectory(candidate.resolve("istio"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
