package dev.istiolint.bench;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.tls.TlsMatrix;
import dev.istiolint.core.engine.tls.TlsResolver;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.BuiltInRules;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the analysis stages grow with the mesh, warm and on one thread: for each corpus, the time per resource of
 * building the snapshot, of the TLS matrix and of each built-in rule. A stage that grows like its input keeps its time
 * per resource; one that rises from corpus to corpus grows faster, whether from its algorithm or from the memory it
 * walks (a working set that no longer fits the caches). The JMH benchmark measures whole runs; this shows which stage
 * makes the difference.
 *
 * <p>Every corpus is loaded once. Each round then takes the corpora in turn, so that all of them see the same machine,
 * and on each builds a fresh snapshot, its matrix and every rule, and drops what they derived. The first rounds warm
 * the code up and are not counted; the medians of the others are printed, with the collector's time over the counted
 * rounds (give the JVM a large young generation to keep it out of the figures, for example {@code -XX:+UseParallelGC
 * -Xms12g -Xmx12g -Xmn6g}).
 *
 * <p>Usage: {@code java [JVM flags] -cp benchmarks.jar dev.istiolint.bench.StageGrowth [--rounds N] [--warmup W]
 * SIZE...}, sizes as in {@code run-jmh.sh} ({@code 1k 10k 100k}; a corpus is generated if missing).
 */
public final class StageGrowth {

  private static final String SNAPSHOT = "snapshot";
  private static final String MATRIX = "TLS matrix";
  private static final String RULES = "all rules";

  /** A rule's line is printed when it takes at least this share of all rules on the largest corpus. */
  private static final double RULE_SHARE = 0.02;

  private record Loaded(String size, List<Resource> resources, IstioVersion version) {}

  private StageGrowth() {}

  public static void main(String[] args) {
    int rounds = 24;
    int warmup = 10;
    List<String> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      boolean valued = (args[i].equals("--rounds") || args[i].equals("--warmup")) && i + 1 < args.length;
      if (valued && args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[++i]);
      } else if (valued) {
        warmup = Integer.parseInt(args[++i]);
      } else if (args[i].startsWith("-")) {
        usage();
      } else {
        sizes.add(args[i]);
      }
    }
    if (sizes.isEmpty() || warmup < 0 || warmup >= rounds) {
      usage();
    }
    List<Loaded> corpora = new ArrayList<>();
    for (String size : sizes) {
      Path dir = Corpus.ensure(size);
      LintResult r = Linter.lint(LintRequest.builder().path(dir).baseDirectory(dir).build());
      corpora.add(new Loaded(size, r.snapshot().all(), r.istioVersion()));
    }
    List<LintRule> rules = BuiltInRules.all();
    // stage -> corpus index -> nanoseconds of each counted round
    Map<String, List<List<Long>>> times = new LinkedHashMap<>();
    long gcBefore = 0;
    for (int round = 0; round < rounds; round++) {
      if (round == warmup) {
        gcBefore = collectorMillis();
      }
      for (int c = 0; c < corpora.size(); c++) {
        Recorder rec = new Recorder(times, c, corpora.size(), round >= warmup);
        runStages(corpora.get(c), rules, rec);
      }
    }
    long gcMillis = collectorMillis() - gcBefore;
    print(corpora, times, rounds, warmup, gcMillis);
  }

  private static void usage() {
    System.err.println("usage: StageGrowth [--rounds N] [--warmup W, 0 <= W < N] SIZE... (for example 1k 10k 100k)");
    System.exit(2);
  }

  /** Times of one corpus in one round, kept when the round is counted. */
  private record Recorder(Map<String, List<List<Long>>> times, int corpus, int corpora, boolean counted) {
    void add(String stage, long nanos) {
      if (!counted) {
        return;
      }
      List<List<Long>> perCorpus = times.computeIfAbsent(stage, k -> new ArrayList<>());
      while (perCorpus.size() < corpora) {
        perCorpus.add(new ArrayList<>());
      }
      perCorpus.get(corpus).add(nanos);
    }
  }

  private static void runStages(Loaded corpus, List<LintRule> rules, Recorder rec) {
    long t0 = System.nanoTime();
    MeshSnapshot snapshot = MeshSnapshot.of(corpus.resources(), corpus.version(), Optional.empty());
    long t1 = System.nanoTime();
    TlsMatrix matrix = TlsResolver.resolve(snapshot, corpus.version());
    long t2 = System.nanoTime();
    rec.add(SNAPSHOT, t1 - t0);
    rec.add(MATRIX, t2 - t1);
    long all = 0;
    int[] reports = new int[1];
    for (LintRule rule : rules) {
      long start = System.nanoTime();
      rule.check(StageTimes.context(snapshot, corpus.version(), matrix, reports));
      long took = System.nanoTime() - start;
      all += took;
      rec.add("rule " + rule.meta().id(), took);
    }
    rec.add(RULES, all);
    snapshot.releaseDerived();
  }

  private static void print(
      List<Loaded> corpora, Map<String, List<List<Long>>> times, int rounds, int warmup, long gcMillis) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "StageGrowth, %d cores, Java %s, max heap %d MiB; %d rounds, the first %d not counted; one thread; medians%n",
        rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, rounds, warmup);
    System.out.printf(Locale.ROOT, "collector time over the counted rounds: %d ms%n%n", gcMillis);
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s", "ns per resource"));
    StringBuilder counts = new StringBuilder(String.format(Locale.ROOT, "%-16s", "resources"));
    for (Loaded c : corpora) {
      head.append(String.format(Locale.ROOT, " %9s", c.size()));
      counts.append(String.format(Locale.ROOT, " %9d", c.resources().size()));
    }
    for (int c = 1; c < corpora.size(); c++) {
      Loaded from = corpora.get(c - 1);
      Loaded to = corpora.get(c);
      head.append(String.format(Locale.ROOT, "  %-14s", "time " + from.size() + "->" + to.size()));
      counts.append(String.format(Locale.ROOT, "  %-14s", "x" + ratio(to.resources().size(), from.resources().size())));
    }
    System.out.println(head);
    System.out.println(counts);
    int last = corpora.size() - 1;
    double allRules = median(times.get(RULES).get(last));
    for (Map.Entry<String, List<List<Long>>> e : times.entrySet()) {
      boolean rule = e.getKey().startsWith("rule ");
      if (rule && median(e.getValue().get(last)) < RULE_SHARE * allRules) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s", e.getKey()));
      double[] med = new double[corpora.size()];
      for (int c = 0; c < corpora.size(); c++) {
        med[c] = median(e.getValue().get(c));
        line.append(String.format(Locale.ROOT, " %9.0f", med[c] / corpora.get(c).resources().size()));
      }
      for (int c = 1; c < corpora.size(); c++) {
        line.append(String.format(Locale.ROOT, "  %-14s", "x" + ratio(med[c], med[c - 1])));
      }
      System.out.println(line);
    }
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static double median(List<Long> xs) {
    List<Long> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static long collectorMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }
}
