package dev.istiolint.cli.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The output half of the hostile-input contract (issue 9): what a terminal or a report may contain whatever the
 * input. Each check returns the violations it found, in words, so a failure names all of them at once.
 */
final class OutputContract {

  /** Longest output line accepted: a path, a position, a rule id and a message whose echoed values are cut. */
  static final int MAX_LINE = 1200;

  private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\.java:\\d+\\)");
  private static final Pattern EXCEPTION_NAME =
      Pattern.compile("\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OutputContract() {}

  /**
   * Contract items 1 and 6 for text meant for a terminal. Package-qualified names alone are not flagged: input such
   * as a {@code !!java.lang.Runtime} tag is echoed (escaped) in findings, and that is no exception.
   */
  static List<String> terminalSafe(String text) {
    return terminalSafe(text, "");
  }

  /**
   * As {@link #terminalSafe(String)}, for output of an analysis of {@code input}: a name like {@code FooException}
   * that the input itself contains is an echoed value (a quoted source line, a host in a message), not a leak.
   */
  static List<String> terminalSafe(String text, String input) {
    List<String> problems = new ArrayList<>();
    Matcher stack = STACK_LINE.matcher(text);
    if (stack.find()) {
      problems.add("a stack trace line: " + visible(around(text, stack.start())));
    }
    Matcher name = EXCEPTION_NAME.matcher(text);
    while (name.find()) {
      if (!input.contains(name.group())) {
        problems.add("a Java exception or class name: " + visible(around(text, name.start())));
        break;
      }
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (unsafe(cp) || (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1)) {
        problems.add(String.format("a raw U+%04X: %s", cp, visible(around(text, i))));
        break;
      }
      i += Character.charCount(cp);
    }
    int lineStart = 0;
    for (String line : text.split("\n", -1)) {
      if (line.codePointCount(0, line.length()) > MAX_LINE) {
        problems.add("an output line of " + line.length() + " characters: " + visible(around(text, lineStart)));
        break;
      }
      lineStart += line.length() + 1;
    }
    return problems;
  }

  /** Contract item 6 for JSON: text that encodes to valid UTF-8 (no unpaired surrogate) and parses as JSON. */
  static JsonNode validJson(String text, List<String> problems) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        problems.add("the JSON report holds an unpaired surrogate, which is not valid UTF-8: " + visible(around(text, i)));
        return null;
      }
    }
    try {
      return JSON.readTree(text);
    } catch (RuntimeException e) {
      problems.add("the JSON report does not parse: " + e.getMessage());
      return null;
    }
  }

  /** The JUnit XML report must stay well-formed XML 1.0 whatever the input. */
  static void validXml(String text, List<String> problems) {
    try {
      javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      b.parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
      problems.add("the JUnit XML report is not well-formed: " + visible(String.valueOf(e.getMessage())));
    }
  }

  /** Control characters (but tab and line feed), DEL, C1 controls and bidirectional controls. */
  static boolean unsafe(int cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n')
        || (cp >= 0x7F && cp <= 0x9F)
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069);
  }

  private static String around(String text, int at) {
    int from = Math.max(0, at - 60);
    int to = Math.min(text.length(), at + 60);
    return text.substring(from, to);
  }

  /** A fragment made readable in a failure message. */
  static String visible(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(cp -> {
          if (cp == '\n') {
            b.append("\\n");
          } else if (unsafe(cp) || cp > 0xFFFF || Character.isSurrogate((char) cp)) {
            b.append(String.format("\\u{%X}", cp));
          } else {
            b.appendCodePoint(cp);
          }
        });
    return b.toString();
  }
}
