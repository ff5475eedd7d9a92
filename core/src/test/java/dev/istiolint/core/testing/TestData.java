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

  /** The reference corpus ({@code ../shared/reference}), when this machine has it. */
  public static Optional<Path> reference() {
    String prop = System.getProperty("istiolint.reference");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Optional.of(Path.of(prop).toAbsolutePath().normalize());
    }
    return Optional.empty();
  }
}
