package dev.istiolint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/** The benchmark corpora on disk: generated on first use, reused while their parameters match. */
final class Corpus {

  /** Where corpora live: {@code -Distiolint.bench.corpus=DIR}, else {@code bench/corpus} under the working dir. */
  static Path baseDirectory() {
    return Path.of(System.getProperty("istiolint.bench.corpus", "bench/corpus"));
  }

  static final long SEED = 42;

  private Corpus() {}

  /** The folder of the corpus of about {@code size} resources ({@code 1k}, {@code 10k}, {@code 100k}). */
  static Path ensure(String size) {
    MeshGenerator g = MeshGenerator.forResources(MeshGenerator.parseSize(size), SEED);
    Path dir = baseDirectory().resolve(size);
    Path props = dir.resolve("corpus.properties");
    if (Files.isRegularFile(props) && matches(props, g)) {
      return dir;
    }
    try {
      g.write(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static boolean matches(Path props, MeshGenerator g) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      return false;
    }
    return String.valueOf(g.resourceCount()).equals(p.getProperty("resources"))
        && String.valueOf(SEED).equals(p.getProperty("seed"));
  }

  /** The manifest files under the paths, in the order the linter reads them (sorted per folder). */
  static List<Path> manifests(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
              .filter(Corpus::isManifest)
              .sorted()
              .forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean isManifest(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
