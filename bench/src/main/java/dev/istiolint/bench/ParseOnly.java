package dev.istiolint.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cold-process baseline of {@code measure-cli.sh}: reads the same files as the CLI and parses them into YAML
 * events, on as many threads as there are processors, and nothing else.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.istiolint.bench.ParseOnly [--threads N] PATH...}
 */
public final class ParseOnly {

  private ParseOnly() {}

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    int threads = Runtime.getRuntime().availableProcessors();
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--threads")) {
        threads = Integer.parseInt(args[++i]);
      } else {
        paths.add(Path.of(args[i]));
      }
    }
    List<Path> files = Corpus.manifests(paths);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (Path f : files) {
        results.add(pool.submit(() -> RawParse.parse(f.toString(), Corpus.read(f))));
      }
      long events = 0;
      long documents = 0;
      for (Future<long[]> r : results) {
        long[] counts = r.get();
        events += counts[0];
        documents += counts[1];
      }
      System.out.printf(
          Locale.ROOT,
          "files=%d documents=%d events=%d threads=%d ms=%d%n",
          files.size(),
          documents,
          events,
          threads,
          (System.nanoTime() - start) / 1_000_000);
    } finally {
      pool.shutdown();
    }
  }
}
