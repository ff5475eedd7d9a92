package dev.istiolint.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs independent pieces of a run (files to load, rules to check, parts of the TLS matrix) on every processor and
 * hands the results back in the input's order, so the outcome never depends on timing. The calling thread takes part.
 * Internal: {@link #map} is public only for the engine's packages.
 */
public final class Parallel {

  private Parallel() {}

  /**
   * The number of threads to use: {@code requested} if positive; for 0 (automatic), one per available processor when
   * the work is {@code large} enough to gain from it, else one.
   */
  static int threads(int requested, boolean large) {
    if (requested > 0) {
      return requested;
    }
    return large ? Runtime.getRuntime().availableProcessors() : 1;
  }

  /**
   * {@code work} applied to every item, results in the items' order.
   *
   * @param threads the most threads to use, the caller's included; 1 runs everything on the calling thread
   * @param startFirst the order in which items start (for example the largest first, which keeps every thread busy
   *     until the end)
   */
  public static <T, R> List<R> map(List<T> items, int threads, Comparator<? super T> startFirst, Function<T, R> work) {
    int count = Math.min(threads, items.size());
    if (count <= 1) {
      List<R> out = new ArrayList<>(items.size());
      items.forEach(s -> out.add(work.apply(s)));
      return out;
    }
    Integer[] order = new Integer[items.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing(items::get, startFirst));
    Object[] results = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          for (int n = next.getAndIncrement(); n < order.length && failure.get() == null; n = next.getAndIncrement()) {
            int i = order[n];
            try {
              results[i] = work.apply(items.get(i));
            } catch (Throwable t) { // handed to the caller below, whatever it is
              failure.compareAndSet(null, t);
            }
          }
        };
    List<Thread> helpers = new ArrayList<>(count - 1);
    for (int t = 1; t < count; t++) {
      Thread thread = new Thread(worker, "istio-lint-" + t);
      thread.setDaemon(true);
      helpers.add(thread);
      thread.start();
    }
    worker.run();
    boolean interrupted = false;
    for (Thread thread : helpers) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helpers finish their file and stop; the interrupt is kept for the caller
          failure.compareAndSet(null, e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("the work was interrupted", t);
    }
    List<R> out = new ArrayList<>(results.length);
    for (Object r : results) {
      @SuppressWarnings("unchecked")
      R typed = (R) r;
      out.add(typed);
    }
    return out;
  }
}
