package dev.istiolint.core.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path pattern over display paths ({@code /}-separated, relative to the working directory): {@code *} matches within
 * one segment, {@code **} across segments, {@code ?} one character. A pattern matches a path when it matches the
 * whole path or one of its leading folders, so {@code vendor} and {@code vendor/**} both exclude everything under
 * {@code vendor/}. A pattern without {@code /} matches at any depth, as in {@code .gitignore}.
 */
public record Glob(String pattern) {

  public Glob {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("empty glob");
    }
  }

  /** True when {@code path} or one of its leading folders matches. */
  public boolean matches(String path) {
    Pattern re = regex();
    String p = path.startsWith("./") ? path.substring(2) : path;
    if (re.matcher(p).matches()) {
      return true;
    }
    for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
      if (re.matcher(p.substring(0, i)).matches()) {
        return true;
      }
    }
    return false;
  }

  private Pattern regex() {
    String g = pattern.startsWith("./") ? pattern.substring(2) : pattern;
    if (g.endsWith("/")) {
      g = g.substring(0, g.length() - 1);
    }
    StringBuilder re = new StringBuilder();
    if (!g.contains("/")) {
      re.append("(?:.*/)?");
    }
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
        re.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  @Override
  public String toString() {
    return pattern;
  }
}
