package dev.istiolint.core.internal.schema;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers as plain strings: building, splitting and showing them as field paths. */
final class JsonPointers {

  private JsonPointers() {}

  static String child(String parent, String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return parent + "/" + name;
    }
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String s : pointer.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  static String parent(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i <= 0 ? "" : pointer.substring(0, i);
  }

  /** The last segment, unescaped; empty for the root. */
  static String last(String pointer) {
    List<String> s = segments(pointer);
    return s.isEmpty() ? "" : s.get(s.size() - 1);
  }

  /** {@code /spec/subsets/0/name} as {@code spec.subsets[0].name}; the root is {@code (document)}. */
  static String display(String pointer) {
    StringBuilder b = new StringBuilder();
    for (String s : segments(pointer)) {
      if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
        b.append('[').append(s).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(s);
      }
    }
    return b.length() == 0 ? "the document" : b.toString();
  }
}
