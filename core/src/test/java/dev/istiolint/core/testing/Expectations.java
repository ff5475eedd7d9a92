package dev.istiolint.core.testing;

import dev.istiolint.core.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline expectations of a fixture, read from its raw text line by line (never through the YAML parser), and a
 * strict comparison with actual findings.
 *
 * <p>Grammar (one page: {@code testdata/EXPECTATIONS.md}):
 *
 * <ul>
 *   <li>{@code # expect: TLS001} at the end of a line: a TLS001 finding starts on this line;
 *   <li>{@code # expect: TLS001 "ISTIO_MUTUAL"}: its message also contains the quoted text ({@code \"} and {@code \\}
 *       escape);
 *   <li>{@code # expect: TLS001, REF002}: several findings on the line;
 *   <li>{@code # expect-next-line: TLS001} on a comment-only line: applies to the next line that is neither blank nor
 *       a comment.
 * </ul>
 *
 * The marker counts only when {@code #} starts the line or follows whitespace. A comment that mentions {@code expect}
 * but does not follow the grammar is reported as malformed, as a typo guard.
 *
 * <p>JSON has no comments: {@code name.json} takes its expectations from a sidecar {@code name.json.expect} with
 * lines {@code LINE ID "substring"} (the substring optional; blank lines and {@code #} comments ignored).
 */
public final class Expectations {

  /** One expected finding: its rule id, the line its primary span starts on, and an optional message fragment. */
  public record Expectation(int line, String ruleId, Optional<String> messagePart) {
    @Override
    public String toString() {
      return "line " + line + ": " + ruleId + messagePart.map(m -> " \"" + m + "\"").orElse("");
    }
  }

  private static final String ID = "[A-Z]{2,6}[0-9]{3}";
  private static final String QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
  private static final Pattern ITEM = Pattern.compile("\\s*(" + ID + ")(?:\\s+" + QUOTED + ")?\\s*");
  private static final Pattern MARKER = Pattern.compile("(^|\\s)#\\s*(expect\\S*)(.*)$");
  private static final Pattern SIDECAR_LINE = Pattern.compile("\\s*([0-9]+)\\s+(" + ID + ")(?:\\s+" + QUOTED + ")?\\s*");

  private final List<Expectation> expectations;
  private final List<String> malformed;

  private Expectations(List<Expectation> expectations, List<String> malformed) {
    this.expectations = List.copyOf(expectations);
    this.malformed = List.copyOf(malformed);
  }

  /** Reads the {@code # expect} comments of a YAML text. */
  public static Expectations parseComments(String text) {
    List<Expectation> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Expectation> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      String trimmed = line.strip();
      boolean commentOnly = trimmed.startsWith("#");
      if (!pending.isEmpty() && !trimmed.isEmpty() && !commentOnly) {
        for (Expectation e : pending) {
          out.add(new Expectation(lineNo, e.ruleId(), e.messagePart()));
        }
        pending.clear();
      }
      Matcher m = MARKER.matcher(line);
      if (!m.find()) {
        continue;
      }
      String marker = m.group(2);
      String rest = m.group(3);
      boolean next = marker.equals("expect-next-line:");
      if (!next && !marker.equals("expect:")) {
        bad.add("line " + lineNo + ": unknown marker `" + marker + "` (use `expect:` or `expect-next-line:`)");
        continue;
      }
      if (next && !commentOnly) {
        bad.add("line " + lineNo + ": `expect-next-line:` must be on a comment-only line");
        continue;
      }
      if (!next && commentOnly) {
        bad.add("line " + lineNo + ": `expect:` on a comment-only line; use `expect-next-line:`");
        continue;
      }
      List<Expectation> items = parseItems(rest, lineNo, bad);
      if (next) {
        pending.addAll(items);
      } else {
        out.addAll(items);
      }
    }
    if (!pending.isEmpty()) {
      bad.add("`expect-next-line:` at the end of the file has no next line");
    }
    return new Expectations(out, bad);
  }

  private static List<Expectation> parseItems(String rest, int lineNo, List<String> bad) {
    List<Expectation> items = new ArrayList<>();
    List<String> parts = splitItems(rest);
    if (parts.isEmpty()) {
      bad.add("line " + lineNo + ": expectation names no rule id");
    }
    for (String part : parts) {
      Matcher im = ITEM.matcher(part);
      if (!im.matches()) {
        bad.add("line " + lineNo + ": malformed expectation `" + part.strip() + "`");
        continue;
      }
      Optional<String> message = Optional.ofNullable(im.group(2)).map(Expectations::unescape);
      items.add(new Expectation(lineNo, im.group(1), message));
    }
    return items;
  }

  /** Splits on commas outside quotes. */
  private static List<String> splitItems(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && quoted && i + 1 < s.length()) {
        cur.append(ch).append(s.charAt(++i));
        continue;
      }
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString());
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** Reads a sidecar file for a JSON fixture: lines {@code LINE ID "substring"}. */
  public static Expectations parseSidecar(String text) {
    List<Expectation> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SIDECAR_LINE.matcher(line);
      if (!m.matches()) {
        bad.add("expect file line " + (i + 1) + ": malformed `" + line + "` (use: LINE ID \"substring\")");
        continue;
      }
      out.add(
          new Expectation(
              Integer.parseInt(m.group(1)), m.group(2), Optional.ofNullable(m.group(3)).map(Expectations::unescape)));
    }
    return new Expectations(out, bad);
  }

  public List<Expectation> expectations() {
    return expectations;
  }

  /** Problems with the expectation comments themselves. */
  public List<String> malformed() {
    return malformed;
  }

  public boolean isEmpty() {
    return expectations.isEmpty();
  }

  /**
   * Compares with the findings on one file: every expectation needs its own matching finding and every finding its
   * own expectation. Returns a description of the differences (listing every actual finding), or empty when they
   * agree.
   */
  public Optional<String> compare(Collection<Diagnostic> findings) {
    List<Diagnostic> unmatched = new ArrayList<>(findings);
    unmatched.sort(Comparator.naturalOrder());
    List<Expectation> unmet = new ArrayList<>();
    List<Expectation> ordered = new ArrayList<>(expectations);
    ordered.sort(Comparator.comparing((Expectation e) -> e.messagePart().isEmpty()));
    for (Expectation e : ordered) {
      Optional<Diagnostic> hit =
          unmatched.stream()
              .filter(d -> d.ruleId().equals(e.ruleId()) && d.span().startLine() == e.line())
              .filter(d -> e.messagePart().map(d.message()::contains).orElse(true))
              .findFirst();
      if (hit.isPresent()) {
        unmatched.remove(hit.get());
      } else {
        unmet.add(e);
      }
    }
    if (unmet.isEmpty() && unmatched.isEmpty() && malformed.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder();
    malformed.forEach(m -> b.append("malformed expectation: ").append(m).append('\n'));
    unmet.stream()
        .sorted(Comparator.comparingInt(Expectation::line))
        .forEach(e -> b.append("expected but not found: ").append(e).append('\n'));
    unmatched.forEach(d -> b.append("unexpected finding: ").append(d).append('\n'));
    b.append("all findings:\n");
    findings.stream().sorted().forEach(d -> b.append("  ").append(d).append('\n'));
    return Optional.of(b.toString());
  }
}
