package dev.istiolint.core.testing;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * How the linearity guards compare two sizes of one piece of work: in process CPU time (every thread, so parallel
 * loading counts in full), best of three runs, up to three attempts. CPU time, not wall time, keeps a busy machine
 * from failing the build.
 */
public final class CpuCost {

  private CpuCost() {}

  /**
   * The ratio of {@code large}'s cost to {@code small}'s: each is warmed once, then up to three attempts (stopping at
   * the first below {@code bound}) compare the best of three runs of each.
   */
  public static double bestRatio(Supplier<?> small, Supplier<?> large, double bound) {
    small.get();
    large.get();
    double best = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && best >= bound; attempt++) {
      best = Math.min(best, (double) bestOf(3, large) / bestOf(3, small));
    }
    return best;
  }

  /** The least CPU time of {@code runs} runs, in nanoseconds, at least 1; each run must return something. */
  public static long bestOf(int runs, Supplier<?> work) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long start = cpuNanos();
      Object out = work.get();
      best = Math.min(best, cpuNanos() - start);
      if (out == null) {
        throw new AssertionError("the measured work returned nothing");
      }
    }
    return Math.max(best, 1);
  }

  /** CPU time of the whole process, else wall time. */
  public static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long t = os.getProcessCpuTime();
      if (t >= 0) {
        return t;
      }
    }
    return System.nanoTime();
  }
}
