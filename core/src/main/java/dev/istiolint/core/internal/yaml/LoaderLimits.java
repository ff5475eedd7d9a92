package dev.istiolint.core.internal.yaml;

/**
 * The bounds the loader enforces on every document, so that hostile input costs bounded time and memory.
 *
 * @param maxDepth the deepest nesting of mappings and sequences accepted
 * @param maxAliases the most aliases (including merge-key aliases) one document may use
 * @param maxAliasNodes the most nodes aliases may add to one document when expanded (scalar aliases count too)
 * @param maxAliasChars the most scalar characters aliases may add to one document when expanded
 * @param maxNodes the most nodes (keys, values, mappings, lists) one file may hold, bounding its memory; Istio's
 *     CRD bundle holds about 35 nodes per kilobyte, so a real 8 MiB file stays far below the default
 * @param maxProblemsPerFile after this many unreadable documents the rest of a file is skipped with one finding
 */
public record LoaderLimits(
    int maxDepth, int maxAliases, long maxAliasNodes, long maxAliasChars, long maxNodes, int maxProblemsPerFile) {

  /** Generous for any real manifest, small enough that no input can exhaust memory or time. */
  public static final LoaderLimits DEFAULT =
      new LoaderLimits(100, 10_000, 300_000, 8L * 1024 * 1024, 1_000_000, 100);

  public LoaderLimits {
    if (maxDepth < 1
        || maxAliases < 0
        || maxAliasNodes < 0
        || maxAliasChars < 0
        || maxNodes < 1
        || maxProblemsPerFile < 1) {
      throw new IllegalArgumentException("loader limits must be positive");
    }
  }
}
