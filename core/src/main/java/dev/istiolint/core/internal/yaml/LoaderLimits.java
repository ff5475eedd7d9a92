package dev.istiolint.core.internal.yaml;

/**
 * The bounds the loader enforces on every document, so that hostile input costs bounded time and memory.
 *
 * @param maxDepth the deepest nesting of mappings and sequences accepted
 * @param maxAliases the most aliases (including merge-key aliases) one document may use
 * @param maxAliasNodes the most nodes aliases may add to one document when expanded (scalar aliases count too)
 * @param maxAliasChars the most scalar characters aliases may add to one document when expanded
 * @param maxProblemsPerFile after this many unreadable documents the rest of a file is skipped with one finding
 */
public record LoaderLimits(int maxDepth, int maxAliases, long maxAliasNodes, long maxAliasChars, int maxProblemsPerFile) {

  /** Generous for any real manifest, small enough that no input can exhaust memory or time. */
  public static final LoaderLimits DEFAULT = new LoaderLimits(100, 10_000, 300_000, 8L * 1024 * 1024, 100);

  public LoaderLimits {
    if (maxDepth < 1 || maxAliases < 0 || maxAliasNodes < 0 || maxAliasChars < 0 || maxProblemsPerFile < 1) {
      throw new IllegalArgumentException("loader limits must be positive");
    }
  }
}
