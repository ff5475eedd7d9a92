package dev.istiolint.core.internal.schema;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * Finds where the node at a JSON pointer of a converted document was written, by walking the {@link YNode} tree
 * along the pointer's tokens with the rules of {@link TreeConverter}: merge keys applied, the first member of a name
 * kept, members whose value is null left out. Only pointers in the canonical form the converter would write are
 * found.
 */
final class NodeLocator {

  /** A node of the converted document: its key (null for list items and the root) and its value. */
  record Found(YScalar key, YNode value) {
    NodeLocation location() {
      return new NodeLocation(key == null ? Optional.empty() : Optional.of(key.span()), value.span());
    }
  }

  private final YNode root;

  NodeLocator(YNode root) {
    this.root = root;
  }

  /** The node at {@code pointer}, or null when the converted document has none there. */
  Found find(String pointer) {
    Found[] deepest = new Found[1];
    return walk(pointer, deepest) ? deepest[0] : null;
  }

  /**
   * Where the value at {@code pointer} was written (or its key, when {@code atKey} and it has one); for a pointer the
   * document does not have, the key of the nearest ancestor it has (the root's value at least). Null without a root.
   */
  SourceSpan spanOf(String pointer, boolean atKey) {
    if (root == null) {
      return null;
    }
    Found[] deepest = new Found[1];
    boolean whole = walk(pointer, deepest);
    Found f = deepest[0];
    return (atKey || !whole) && f.key() != null ? f.key().span() : f.value().span();
  }

  /** True when the whole pointer resolves; {@code deepest[0]} is set to the last node reached. */
  private boolean walk(String pointer, Found[] deepest) {
    Found at = new Found(null, root);
    deepest[0] = at;
    if (pointer.isEmpty()) {
      return true;
    }
    if (pointer.charAt(0) != '/') {
      return false;
    }
    int start = 1;
    while (true) {
      int end = pointer.indexOf('/', start);
      if (end < 0) {
        end = pointer.length();
      }
      Found next = child(at.value(), pointer, start, end);
      if (next == null) {
        return false;
      }
      at = next;
      deepest[0] = at;
      if (end == pointer.length()) {
        return true;
      }
      start = end + 1;
    }
  }

  private static Found child(YNode node, String pointer, int start, int end) {
    if (node instanceof YMap m) {
      String name = unescape(pointer, start, end);
      if (name == null) {
        return null;
      }
      for (YMap.Entry e : m.entries()) {
        if (e.key().value().equals(name) && !TreeConverter.isNullScalar(e.value())) {
          return new Found(e.key(), e.value());
        }
      }
      return null;
    }
    if (node instanceof YSeq s) {
      int index = index(pointer, start, end);
      List<YNode> items = s.items();
      return index < 0 || index >= items.size() ? null : new Found(null, items.get(index));
    }
    return null;
  }

  /** The name a token stands for, or null when the token is not written as the converter writes it. */
  private static String unescape(String pointer, int start, int end) {
    int tilde = pointer.indexOf('~', start);
    if (tilde < 0 || tilde >= end) {
      return pointer.substring(start, end);
    }
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = pointer.charAt(i);
      if (c != '~') {
        b.append(c);
        continue;
      }
      char next = i + 1 < end ? pointer.charAt(i + 1) : 0;
      if (next == '0') {
        b.append('~');
      } else if (next == '1') {
        b.append('/');
      } else {
        return null;
      }
      i++;
    }
    return b.toString();
  }

  /** A list index written without leading zeros, or -1. */
  private static int index(String pointer, int start, int end) {
    int n = end - start;
    if (n == 0 || n > 9 || (n > 1 && pointer.charAt(start) == '0')) {
      return -1;
    }
    int x = 0;
    for (int i = start; i < end; i++) {
      char c = pointer.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }
}
