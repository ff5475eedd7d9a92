package dev.istiolint.core.internal.yaml;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One copy of each short text of a run: manifests repeat the same keys and values (labels, versions, kinds, ports,
 * protocols) in every resource, and the model keeps thousands of them per file. The loader passes every scalar
 * through its pool, and the decoders the texts they compute ({@link YDocument#strings()}), so equal texts kept by the
 * model are one object.
 *
 * <p>Thread-safe (files may be loaded in parallel). Long texts are not pooled (they rarely repeat and would only grow
 * the pool), nor anything once the pool holds {@link #MAX_ENTRIES} texts (a hostile input of unique keys).
 */
public final class StringPool {

  /** Longer texts are returned as given. */
  static final int MAX_LENGTH = 64;

  /** Past this many entries, new texts are returned as given. */
  static final int MAX_ENTRIES = 1 << 20;

  private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>(1024);
  private final AtomicInteger size = new AtomicInteger();

  /** The pooled copy of {@code s}: the first equal text seen, or {@code s} itself. */
  public String intern(String s) {
    if (s.length() > MAX_LENGTH) {
      return s;
    }
    String found = pool.get(s);
    if (found != null) {
      return found;
    }
    if (size.get() >= MAX_ENTRIES) {
      return s;
    }
    found = pool.putIfAbsent(s, s);
    if (found != null) {
      return found;
    }
    size.incrementAndGet();
    return s;
  }

  /** How many texts the pool holds. */
  int size() {
    return size.get();
  }
}
