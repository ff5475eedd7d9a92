package dev.istiolint.core.testing;

import dev.istiolint.core.SourceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Generated manifests for scaling tests: many templated resources spread over a few multi-document files. */
public final class SyntheticFiles {

  private SyntheticFiles() {}

  /**
   * {@code count} resources made by {@code resource} (given 0 to {@code count - 1}, each text a whole document with its
   * leading {@code ---}), in order, {@code count / files} per file, in files named {@code prefix-<n>.yaml}.
   */
  public static List<SourceInput> spread(String prefix, int count, int files, IntFunction<String> resource) {
    List<SourceInput> out = new ArrayList<>(files);
    int perFile = count / files;
    for (int f = 0; f < files; f++) {
      StringBuilder b = new StringBuilder();
      for (int i = f * perFile; i < (f + 1) * perFile; i++) {
        b.append(resource.apply(i));
      }
      out.add(SourceInput.of(prefix + "-" + f + ".yaml", b.toString()));
    }
    return out;
  }
}
