package dev.istiolint.bench;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.BuiltInRules;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained after loading, per resource: used heap after a full GC with the {@link LintResult} of a run without
 * rules (and so the mesh snapshot) alive, minus used heap after a full GC before the run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.istiolint.bench.RetainedHeap DIR [--all-rules] [--hold]}; with
 * {@code --all-rules} the run has every built-in rule; with {@code --hold} the process keeps the result for two
 * minutes, for {@code jcmd PID GC.class_histogram}.
 */
public final class RetainedHeap {

  private RetainedHeap() {}

  public static void main(String[] args) throws InterruptedException {
    Path corpus = Path.of(args[0]);
    List<String> flags = List.of(args).subList(1, args.length);
    boolean hold = flags.contains("--hold");
    List<LintRule> rules = flags.contains("--all-rules") ? BuiltInRules.all() : List.of();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    // load the classes and compile the schemas once, on the first files (they hold every kind), so that only
    // what the input costs is counted
    List<Path> files = Corpus.manifests(List.of(corpus));
    Pipeline.lint(files.subList(0, Math.min(2, files.size())), corpus, rules);
    long before = usedAfterGc(memory);
    long start = System.nanoTime();
    LintResult result = Pipeline.lint(List.of(corpus), corpus, rules);
    long ms = (System.nanoTime() - start) / 1_000_000;
    long after = usedAfterGc(memory);
    int resources = result.summary().resources();
    System.out.printf(
        Locale.ROOT,
        "rules=%d resources=%d findings=%d lintMs=%d retainedBytes=%d retainedPerResource=%d%n",
        rules.size(),
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
