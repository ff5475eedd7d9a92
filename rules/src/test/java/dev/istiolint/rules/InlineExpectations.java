package dev.istiolint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code # expect:} comments from a fixture's raw text (testdata/EXPECTATIONS.md). Interim: to be replaced by
 * the shared parser in {@code dev.istiolint.core.testing} once it is published.
 */
final class InlineExpectations {

  /** One expected finding: its primary span starts on {@code line}; its message contains {@code substring}. */
  record Expectation(String file, int line, String ruleId, Optional<String> substring) {
    @Override
    public String toString() {
      return file + ":" + line + ": [" + ruleId + "]" + substring.map(s -> " \"" + s + "\"").orElse("");
    }
  }

  /** The expectations of one file, and the comments that look like expectations but do not parse. */
  record Parsed(List<Expectation> expectations, List<String> malformed) {
    Parsed {
      expectations = List.copyOf(expectations);
      malformed = List.copyOf(malformed);
    }
  }

  /** A {@code #} that starts the line or follows whitespace, then the marker word. */
  private static final Pattern MARKER = Pattern.compile("(?:^|\\s)#\\s*(expect\\S*)(.*)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern ITEM = Pattern.compile("\\s*([A-Z]{2,6}[0-9]{3})(?:\\s+\"([^\"]+)\")?\\s*");

  private InlineExpectations() {}

  static Parsed parse(String file, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Expectation> out = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    List<Expectation> pendingNext = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      boolean commentOnly = line.strip().startsWith("#") || line.isBlank();
      if (!commentOnly && !pendingNext.isEmpty()) {
        for (Expectation e : pendingNext) {
          out.add(new Expectation(file, lineNo, e.ruleId(), e.substring()));
        }
        pendingNext.clear();
      }
      Matcher m = MARKER.matcher(line);
      if (!m.find()) {
        continue;
      }
      String marker = m.group(1);
      String rest = m.group(2);
      boolean nextLine;
      if (marker.equals("expect:")) {
        nextLine = false;
      } else if (marker.equals("expect-next-line:")) {
        nextLine = true;
      } else {
        malformed.add(file + ":" + lineNo + ": unknown marker '" + marker + "' (use 'expect:' or 'expect-next-line:')");
        continue;
      }
      if (nextLine && !line.strip().startsWith("#")) {
        malformed.add(file + ":" + lineNo + ": expect-next-line must stand on a comment-only line");
        continue;
      }
      if (!nextLine && line.strip().startsWith("#")) {
        malformed.add(file + ":" + lineNo + ": expect: on a comment-only line; use expect-next-line:");
        continue;
      }
      List<Expectation> items = items(file, lineNo, rest);
      if (items.isEmpty()) {
        malformed.add(file + ":" + lineNo + ": cannot read '" + rest.strip() + "' (want ID or ID \"text\", comma-separated)");
        continue;
      }
      if (nextLine) {
        pendingNext.addAll(items);
      } else {
        out.addAll(items);
      }
    }
    if (!pendingNext.isEmpty()) {
      malformed.add(file + ": expect-next-line at the end of the file has no line to apply to");
    }
    return new Parsed(out, malformed);
  }

  private static List<Expectation> items(String file, int line, String rest) {
    List<Expectation> items = new ArrayList<>();
    // split on commas outside quotes
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : rest.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    for (String part : parts) {
      Matcher m = ITEM.matcher(part);
      if (!m.matches()) {
        return List.of();
      }
      items.add(new Expectation(file, line, m.group(1), Optional.ofNullable(m.group(2))));
    }
    return items;
  }
}
