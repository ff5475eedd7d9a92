package dev.istiolint.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared {@code testdata/} folder and the optional {@code ../shared/reference} corpus. */
final class TestPaths {

  private TestPaths() {}

  /** The {@code testdata/} folder: the {@code istiolint.testdata} property, else found walking up (IDE runs). */
  static Path testdata() {
    String prop = System.getProperty("istiolint.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("testdata");
      if (Files.isDirectory(candidate.resolve("rules"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "testdata/ not found: set -Distiolint.testdata or run from inside the istio-lint checkout");
  }

  /** The rules module folder (for docs and the catalogue index). */
  static Path rulesModule() {
    Path testdata = testdata();
    return testdata.getParent().resolve("rules");
  }

  /** The reference corpus, when this checkout sits next to {@code shared/}. */
  static Optional<Path> reference() {
    String prop = System.getProperty("istiolint.reference");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Optional.of(Path.of(prop).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/reference");
      if (Files.isDirectory(candidate.resolve("istio"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
