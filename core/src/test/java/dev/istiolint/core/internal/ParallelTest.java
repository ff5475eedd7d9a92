package dev.istiolint.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

  @Test
  void resultsComeBackInTheItemsOrderWhateverTheThreadsAndStartOrder() {
    List<Integer> squares = ITEMS.stream().map(i -> i * i).toList();
    for (int threads = 1; threads <= 5; threads++) {
      assertThat(Parallel.map(ITEMS, threads, Comparator.reverseOrder(), i -> i * i)).isEqualTo(squares);
      assertThat(Parallel.map(ITEMS, threads, Comparator.naturalOrder(), i -> i * i)).isEqualTo(squares);
    }
  }

  @Test
  void moreThanOneThreadDoesTheWork() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    Parallel.map(
        ITEMS,
        2,
        Comparator.naturalOrder(),
        i -> {
          names.add(Thread.currentThread().getName());
          sleep(1);
          return i;
        });
    assertThat(names).hasSize(2).contains(Thread.currentThread().getName());
  }

  @Test
  void oneThreadRunsEverythingOnTheCallerInListOrder() {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    Set<String> names = ConcurrentHashMap.newKeySet();
    Parallel.map(
        ITEMS,
        1,
        Comparator.reverseOrder(),
        i -> {
          seen.add(i);
          names.add(Thread.currentThread().getName());
          return i;
        });
    assertThat(seen).isEqualTo(ITEMS);
    assertThat(names).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void theStartOrderDecidesWhichItemsRunFirst() {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    Parallel.map(
        ITEMS,
        2,
        Comparator.reverseOrder(),
        i -> {
          seen.add(i);
          return i;
        });
    // two threads take items in the start order; each item starts at most one place away from where it is taken
    assertThat(seen.subList(0, 10)).allMatch(i -> i >= 190);
  }

  @Test
  void aFailureOnAnyThreadReachesTheCallerAsItself() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    assertThatThrownBy(
            () ->
                Parallel.map(
                    ITEMS,
                    3,
                    Comparator.naturalOrder(),
                    i -> {
                      if (i == 150) {
                        throw boom;
                      }
                      return i;
                    }))
        .isSameAs(boom);
    StackOverflowError deep = new StackOverflowError();
    assertThatThrownBy(
            () ->
                Parallel.map(
                    ITEMS,
                    2,
                    Comparator.naturalOrder(),
                    i -> {
                      if (i == 7) {
                        throw deep;
                      }
                      return i;
                    }))
        .isSameAs(deep);
  }

  @Test
  void automaticMeansEveryProcessorOnlyForLargeWork() {
    assertThat(Parallel.threads(0, false)).isEqualTo(1);
    assertThat(Parallel.threads(0, true)).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(Parallel.threads(3, false)).isEqualTo(3);
    assertThat(Parallel.threads(1, true)).isEqualTo(1);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
