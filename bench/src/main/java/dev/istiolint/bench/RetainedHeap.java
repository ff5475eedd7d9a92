package dev.istiolint.bench;

import dev.istiolint.core.LintResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained by a finished run, per resource: used heap after a full GC with the {@link LintResult} (and so the
 * mesh snapshot) alive, minus used heap after a full GC before the run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.istiolint.bench.RetainedHeap DIR [--hold]}; with {@code --hold} the
 * process keeps the result for two minutes, for {@code jcmd PID GC.class_histogram}.
 */
public final class RetainedHeap {

  private RetainedHeap() {}

  public static void main(String[] args) throws InterruptedException {
    Path corpus = Path.of(args[0]);
    boolean hold = args.length > 1 && args[1].equals("--hold");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    // load the classes and compile the schemas once, on the first files (they hold every kind), so that only
    // what the input costs is counted
    List<Path> files = Corpus.manifests(List.of(corpus));
    Pipeline.lint(files.subList(0, Math.min(2, files.size())), corpus);
    long before = usedAfterGc(memory);
    long start = System.nanoTime();
    LintResult result = Pipeline.lint(corpus);
    long ms = (System.nanoTime() - start) / 1_000_000;
    long after = usedAfterGc(memory);
    int resources = result.summary().resources();
    System.out.printf(
        Locale.ROOT,
        "resources=%d findings=%d lintMs=%d retainedBytes=%d retainedPerResource=%d%n",
        resources,
        result.findings().size(),
        ms,
        after - before,
        resources == 0 ? 0 : (after - before) / resources);
    if (hold) {
      // time for: jcmd <pid> GC.class_histogram
      System.out.println("holding the result for 120 s");
      Thread.sleep(120_000);
    }
    Reference.reachabilityFence(result);
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
