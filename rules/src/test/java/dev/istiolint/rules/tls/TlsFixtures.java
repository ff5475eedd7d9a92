package dev.istiolint.rules.tls;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.BuiltInRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the TLS rules over a fixture (a file or a folder) and compares the findings with its inline {@code # expect:}
 * comments, strictly: every TLS finding must be expected and every expectation met.
 */
final class TlsFixtures {

  private static final Pattern EXPECT = Pattern.compile("(?:^|\\s)#\\s*expect(-next-line)?:\\s*(.*)$");
  private static final Pattern ITEM = Pattern.compile("\\s*([A-Z]{2,6}[0-9]{3})(?:\\s+\"([^\"]*)\")?\\s*");

  private TlsFixtures() {}

  static Path testdata() {
    String prop = System.getProperty("istiolint.testdata");
    Path base = prop != null ? Path.of(prop) : Path.of("../testdata");
    if (!Files.isDirectory(base)) {
      throw new IllegalStateException("testdata not found: " + base.toAbsolutePath());
    }
    return base;
  }

  /** One expected finding. */
  record Expected(String file, int line, String id, Optional<String> text) {}

  static List<Expected> expectations(Path root) {
    List<Expected> out = new ArrayList<>();
    for (Path f : yamlFiles(root)) {
      String rel = root.equals(f) ? f.getFileName().toString() : root.relativize(f).toString().replace('\\', '/');
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int pendingFrom = -1;
      String pending = null;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        Matcher m = EXPECT.matcher(line);
        boolean commentOnly = line.strip().startsWith("#");
        if (pending != null && !commentOnly) {
          addItems(out, rel, i + 1, pending, f, pendingFrom);
          pending = null;
        }
        if (!m.find()) {
          continue;
        }
        if (m.group(1) != null) {
          pending = m.group(2);
          pendingFrom = i + 1;
        } else {
          addItems(out, rel, i + 1, m.group(2), f, i + 1);
        }
      }
    }
    return out;
  }

  private static void addItems(List<Expected> out, String rel, int line, String items, Path f, int at) {
    for (String item : items.split(",")) {
      Matcher im = ITEM.matcher(item);
      if (!im.matches()) {
        throw new AssertionError(f + ":" + at + ": malformed expectation: " + items);
      }
      out.add(new Expected(rel, line, im.group(1), Optional.ofNullable(im.group(2))));
    }
  }

  static List<Path> yamlFiles(Path root) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<LintRule> tlsRules() {
    return BuiltInRules.builtIn().stream().filter(r -> r.meta().id().startsWith("TLS")).toList();
  }

  static LintResult lint(Path root, List<LintRule> rules, Optional<IstioVersion> version) {
    Path base = Files.isRegularFile(root) ? root.getParent() : root;
    LintRequest.Builder b = LintRequest.builder().baseDirectory(base).path(root).rules(rules);
    version.ifPresent(b::istioVersion);
    return Linter.lint(b.build());
  }

  /** Compares findings with expectations; returns the problems, empty when all is well. */
  static List<String> compare(Path root, LintResult result, String idPrefix) {
    List<Expected> expected = new ArrayList<>(expectations(root));
    List<String> problems = new ArrayList<>();
    List<Diagnostic> actual = new ArrayList<>();
    for (Diagnostic d : result.findings()) {
      if (d.ruleId().startsWith(idPrefix) || d.ruleId().startsWith("LINT001")) {
        actual.add(d);
      }
    }
    List<Diagnostic> unmatched = new ArrayList<>();
    for (Diagnostic d : actual) {
      Expected hit = null;
      for (Expected e : expected) {
        if (e.id().equals(d.ruleId()) && e.line() == d.span().startLine() && d.span().file().endsWith(e.file())
            && e.text().map(t -> d.message().contains(t)).orElse(true)) {
          hit = e;
          break;
        }
      }
      if (hit == null) {
        unmatched.add(d);
      } else {
        expected.remove(hit);
      }
    }
    unmatched.forEach(d -> problems.add("unexpected " + d.span().file() + ":" + d.span().startLine() + " ["
        + d.ruleId() + "] " + d.message()));
    expected.forEach(e -> problems.add("missing " + e.file() + ":" + e.line() + " [" + e.id() + "]"
        + e.text().map(t -> " containing \"" + t + "\"").orElse("")));
    if (!problems.isEmpty()) {
      TreeMap<String, String> all = new TreeMap<>();
      actual.forEach(d -> all.put(d.span().file() + ":" + String.format("%05d", d.span().startLine()) + d.ruleId(),
          "  actual " + d.span().file() + ":" + d.span().startLine() + " [" + d.ruleId() + "] " + d.message()));
      problems.addAll(all.values());
    }
    return problems;
  }
}
