package dev.istiolint.core.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How the linearity guards compare two sizes of one piece of work: in CPU time, best of three runs, up to three
 * attempts. CPU time, not wall time, keeps a busy machine from failing the build.
 *
 * <p>Two clocks. {@link #bestRatio} reads the whole process's CPU time, so that work spread over threads (parallel
 * loading) counts in full; it also counts the collector and the compiler, and it ticks in steps of about 10 ms.
 * {@link #bestRatioOnThisThread} reads only the calling thread's CPU time, to the microsecond, for work that runs on
 * that thread alone. It leaves out the collector's threads, whose work grows with what is alive in the heap rather
 * than with the steps the measured code takes, and the compiler's.
 */
public final class CpuCost {

  private CpuCost() {}

  /** The ratio of {@code large}'s cost to {@code small}'s in process CPU time (see {@link #ratio}). */
  public static double bestRatio(Supplier<?> small, Supplier<?> large, double bound) {
    return ratio(small, large, bound, CpuCost::cpuNanos);
  }

  /**
   * The ratio of {@code large}'s cost to {@code small}'s in the calling thread's CPU time (see {@link #ratio}); the
   * work must not hand any of itself to other threads.
   */
  public static double bestRatioOnThisThread(Supplier<?> small, Supplier<?> large, double bound) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      return bestRatio(small, large, bound);
    }
    return ratio(small, large, bound, threads::getCurrentThreadCpuTime);
  }

  /**
   * Each of {@code small} and {@code large} is warmed once, then up to three attempts (stopping at the first below
   * {@code bound}) compare the best of three runs of each, on {@code clock}.
   */
  private static double ratio(Supplier<?> small, Supplier<?> large, double bound, LongSupplier clock) {
    small.get();
    large.get();
    double best = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && best >= bound; attempt++) {
      best = Math.min(best, (double) bestOf(3, large, clock) / bestOf(3, small, clock));
    }
    return best;
  }

  /** The least time on {@code clock} of {@code runs} runs, in nanoseconds, at least 1; each must return something. */
  private static long bestOf(int runs, Supplier<?> work, LongSupplier clock) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long start = clock.getAsLong();
      Object out = work.get();
      best = Math.min(best, clock.getAsLong() - start);
      if (out == null) {
        throw new AssertionError("the measured work returned nothing");
      }
    }
    return Math.max(best, 1);
  }

  /** CPU time of the whole process, else wall time. */
  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long t = os.getProcessCpuTime();
      if (t >= 0) {
        return t;
      }
    }
    return System.nanoTime();
  }
}
