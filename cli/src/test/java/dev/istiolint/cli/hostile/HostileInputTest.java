package dev.istiolint.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.cli.hostile.GeneratedCases.Setup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input contract of issue 9, case by case: every row of {@code testdata/hostile/cases.tsv} names a file
 * under {@code testdata/hostile/files/} or a generated case ({@link GeneratedCases}), the exit code and the findings
 * expected ({@code ID@line} for the case file, {@code ID@path:line} for other files, {@code -} for none). Each case
 * runs the CLI in process: JSON twice (deterministic bytes), text (with --verbose and --statistics), GitHub, SARIF and JUnit once (terminal safety,
 * valid JSON and XML), and JSON next to a known-good file (whose findings must not change), each run under a time limit. Surefire runs this class in its own
 * JVM with {@code -Xmx512m}.
 */
class HostileInputTest {

  /**
   * CPU time of one run (the thread's, so that other work on a shared machine does not count), JVM start excluded:
   * the in-process runs share a warm JVM; the launcher adds about a second.
   */
  static final Duration RUN_LIMIT = Duration.ofSeconds(Long.getLong("istiolint.hostile.runSeconds", 5));

  /** Wall-clock time after which a run counts as hanging. */
  static final Duration HANG_LIMIT = Duration.ofSeconds(30);

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private static final Pattern TEXT_FINDING = Pattern.compile("(?m)^\\S.*?:\\d+:\\d+: (?:error|warning|info): \\[[A-Z]+\\d+\\] ");
  private static final Map<String, Long> SLOWEST_RUN_MS = new ConcurrentHashMap<>();
  private static final Map<String, Long> SLOWEST_WALL_MS = new ConcurrentHashMap<>();

  @TempDir static Path tmp;

  private static List<JsonNode> goodAlone;
  private static int goodExit;

  /** Every case, or those whose name matches {@code -Distiolint.hostile.case=REGEX}. */
  @TestFactory
  Stream<DynamicTest> everyCaseKeepsTheContract() throws IOException {
    String only = System.getProperty("istiolint.hostile.case", "");
    return cases().entrySet().stream()
        .filter(e -> only.isEmpty() || e.getKey().matches(only))
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> runCase(e.getKey(), e.getValue())));
  }

  @Test
  void everyCorpusFileAndGeneratorHasARowAndEveryRowHasACase() throws IOException {
    Map<String, Expected> rows = cases();
    TreeSet<String> sources = new TreeSet<>(GeneratedCases.ALL.keySet());
    try (Stream<Path> files = Files.list(files())) {
      files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("outside")).forEach(sources::add);
    }
    assertThat(rows.keySet()).as("rows of cases.tsv").containsExactlyInAnyOrderElementsOf(sources);
    assertThat(rows).as("the issue asks for at least 60 cases").hasSizeGreaterThanOrEqualTo(60);
  }

  @AfterAll
  static void writeTimings() throws IOException {
    Path target = Path.of(System.getProperty("istiolint.hostile.timings", "cli/target/hostile-timings.tsv"));
    if (Files.isDirectory(target.toAbsolutePath().getParent())) {
      StringBuilder b = new StringBuilder("# case\tCPU ms of the slowest run\twall-clock ms (GC and other load included), in process, -Xmx512m\n");
      new TreeMap<>(SLOWEST_RUN_MS).forEach(
          (k, v) -> b.append(k).append('\t').append(v).append('\t').append(SLOWEST_WALL_MS.get(k)).append('\n'));
      Files.writeString(target, b);
    }
  }

  record Expected(int exit, List<String> findings) {}

  private static void runCase(String name, Expected expected) throws IOException {
    Setup setup = setup(name);
    Assumptions.assumeTrue(setup.skip() == null, setup.skip());
    List<String> problems = new ArrayList<>();
    Map<String, String> before = snapshot();
    List<CliRun> runs = new ArrayList<>();
    if (setup.raw()) {
      runs.add(run(name, setup.args(), setup));
      runs.add(run(name, setup.args(), setup));
      CliRun first = runs.get(0);
      sameRun("two runs", first, runs.get(1), problems);
      problems.addAll(prefixed("text output", OutputContract.terminalSafe(first.both())));
      List<JsonNode> findings = new ArrayList<>();
      if (setup.report() != null) {
        String report = Files.readString(setup.report(), StandardCharsets.UTF_8);
        JsonNode tree = OutputContract.validJson(report, problems);
        if (tree != null) {
          tree.path("findings").values().forEach(findings::add);
        }
      } else {
        findings.addAll(textFindings(first.out()));
      }
      compare(expected, first.exit(), tokens(findings, setup), problems);
    } else {
      List<String> json = with(List.of("--format", "json"), setup.args());
      CliRun j1 = run(name, json, setup);
      CliRun j2 = run(name, json, setup);
      CliRun text = run(name, with(List.of("--verbose", "--statistics"), setup.args()), setup);
      CliRun together = run(name, with(List.of("--format", "json", good()), setup.args()), setup);
      CliRun github = run(name, with(List.of("--format", "github"), setup.args()), setup);
      CliRun sarif = run(name, with(List.of("--format", "sarif"), setup.args()), setup);
      CliRun junit = run(name, with(List.of("--format", "junit"), setup.args()), setup);
      runs.addAll(List.of(j1, j2, text, together, github, sarif, junit));
      if (!junit.out().isEmpty()) {
        OutputContract.validXml(junit.out(), problems);
      }
      problems.addAll(prefixed("github output", OutputContract.terminalSafe(github.both())));
      problems.addAll(prefixed("sarif output", OutputContract.terminalSafe(sarif.both())));
      if (!sarif.out().isEmpty()) {
        OutputContract.validJson(sarif.out(), problems);
      }
      sameRun("two JSON runs", j1, j2, problems);
      problems.addAll(prefixed("text output", OutputContract.terminalSafe(text.both())));
      problems.addAll(prefixed("JSON output", OutputContract.terminalSafe(j1.both())));
      if (text.exit() != j1.exit()) {
        problems.add("text and JSON runs exit differently: " + text.exit() + " and " + j1.exit());
      }
      List<JsonNode> findings = jsonFindings(j1, problems);
      for (JsonNode f : findings) {
        if (f.path("line").asInt(0) < 1 || f.path("column").asInt(0) < 1 || f.path("file").asString("").isEmpty()) {
          problems.add("a finding without a file and a 1-based position: " + f);
        }
      }
      int textLines = countTextFindings(text.out());
      if (textLines != findings.size()) {
        problems.add("the text report has " + textLines + " finding lines for " + findings.size() + " findings");
      }
      compare(expected, j1.exit(), tokens(findings, setup), problems);
      isolation(j1, together, findings, problems);
    }
    Map<String, String> after = snapshot();
    if (setup.report() != null) {
      for (Path p = setup.report(); p != null && !p.equals(tmp); p = p.getParent()) {
        after.remove(p.toString());
        before.remove(p.toString());
      }
    }
    if (!after.equals(before)) {
      problems.add("files changed outside the named report: " + difference(before, after));
    }
    for (GeneratedCases.Check c : setup.checks()) {
      String v = c.verify(runs);
      if (v != null) {
        problems.add(v);
      }
    }
    if (!problems.isEmpty()) {
      CliRun first = runs.get(0);
      Assertions.fail(name + " breaks the contract:\n  - " + String.join("\n  - ", problems) + "\n  exit " + first.exit()
          + "\n  stdout: " + OutputContract.visible(cut(first.out())) + "\n  stderr: " + OutputContract.visible(cut(first.err())));
    }
  }

  private static TreeSet<String> documentLevel(List<JsonNode> findings) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode f : findings) {
      String id = f.path("ruleId").asString("");
      if (id.startsWith("YAML") || id.startsWith("SCHEMA0") || id.startsWith("LINT")) {
        out.add(f.toString());
      }
    }
    return out;
  }

  /**
   * Contract item 5: the good file's findings are those it gets alone, and the case's own document-level findings are
   * unchanged.
   */
  private static void isolation(CliRun alone, CliRun together, List<JsonNode> caseFindings, List<String> problems) {
    List<JsonNode> all = jsonFindings(together, problems);
    String goodShown = display(Path.of(good()));
    List<JsonNode> good = new ArrayList<>();
    List<JsonNode> rest = new ArrayList<>();
    for (JsonNode f : all) {
      (f.path("file").asString("").equals(goodShown) ? good : rest).add(f);
    }
    List<JsonNode> goodFindings = goodAlone();
    if (!good.equals(goodFindings)) {
      problems.add("next to this case the good file gets " + good + " instead of " + goodFindings);
    }
    // the case's document-level findings (reading, parsing, schema) must not change; cross-resource rules may
    // legitimately see more next to the good file (a Service makes the host rules applicable)
    if (!documentLevel(rest).equals(documentLevel(caseFindings))) {
      problems.add("next to the good file this case's findings change: " + rest + " instead of " + caseFindings);
    }
    int expectedExit = alone.exit() >= 2 ? alone.exit() : Math.max(alone.exit(), goodExit);
    if (together.exit() != expectedExit) {
      problems.add("next to the good file the exit code is " + together.exit() + " instead of " + expectedExit);
    }
  }

  private static synchronized List<JsonNode> goodAlone() {
    if (goodAlone == null) {
      List<String> problems = new ArrayList<>();
      CliRun run = CliRun.of(List.of("--format", "json", good()), InputStream.nullInputStream());
      goodExit = run.exit();
      goodAlone = jsonFindings(run, problems);
      assertThat(problems).isEmpty();
      assertThat(goodAlone).as("the good file has findings of its own, so a change would show").isNotEmpty();
    }
    return goodAlone;
  }

  private static List<JsonNode> jsonFindings(CliRun run, List<String> problems) {
    List<JsonNode> out = new ArrayList<>();
    if (run.out().isEmpty() && run.exit() >= 2) {
      return out; // a usage or I/O error: no report, only the message on stderr
    }
    JsonNode tree = OutputContract.validJson(run.out(), problems);
    if (tree != null) {
      tree.path("findings").values().forEach(out::add);
    }
    return out;
  }

  /** Findings of a text report, as JSON-like nodes with ruleId, file and line, for raw runs. */
  private static List<JsonNode> textFindings(String out) {
    List<JsonNode> found = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^(\\S.*?):(\\d+):(\\d+): (?:error|warning|info): \\[([A-Z]+\\d+)\\] ").matcher(out);
    while (m.find()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("ruleId", m.group(4));
      f.put("file", m.group(1));
      f.put("line", Integer.parseInt(m.group(2)));
      found.add(tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(f));
    }
    return found;
  }

  private static int countTextFindings(String out) {
    Matcher m = TEXT_FINDING.matcher(out);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static List<String> tokens(List<JsonNode> findings, Setup setup) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : findings) {
      String file = f.path("file").asString("");
      String where;
      if (file.equals(setup.main())) {
        where = "";
      } else if (file.startsWith(setup.root())) {
        where = file.substring(setup.root().length()) + ":";
      } else {
        where = file + ":";
      }
      out.add(f.path("ruleId").asString("?") + "@" + OutputContract.visible(where) + f.path("line").asInt(0));
    }
    out.sort(null);
    return out;
  }

  private static void compare(Expected expected, int exit, List<String> tokens, List<String> problems) {
    if (exit != expected.exit() || !matches(expected.findings(), tokens)) {
      problems.add("expected exit " + expected.exit() + " and " + show(expected.findings()) + ", got exit " + exit
          + " and " + show(tokens) + "   (row: " + exit + "\t" + show(tokens) + ")");
    }
  }

  /**
   * Exact {@code ID@line} tokens match one finding each; {@code ID*N} matches N further findings of that id on any
   * line (for capped cases such as "at most 100 duplicate-key findings per file").
   */
  static boolean matches(List<String> expected, List<String> actual) {
    List<String> left = new ArrayList<>(actual);
    Map<String, Integer> counted = new TreeMap<>();
    for (String e : expected) {
      int star = e.indexOf('*');
      if (star > 0) {
        counted.merge(e.substring(0, star), Integer.parseInt(e.substring(star + 1)), Integer::sum);
      } else if (!left.remove(e)) {
        return false;
      }
    }
    Map<String, Integer> rest = new TreeMap<>();
    left.forEach(t -> rest.merge(t.substring(0, t.indexOf('@')), 1, Integer::sum));
    return rest.equals(counted);
  }

  private static String show(List<String> tokens) {
    return tokens.isEmpty() ? "-" : String.join(",", tokens);
  }

  private static void sameRun(String what, CliRun a, CliRun b, List<String> problems) {
    if (a.exit() != b.exit() || !a.out().equals(b.out()) || !a.err().equals(b.err())) {
      problems.add(what + " differ (contract item 8: deterministic output)");
    }
  }

  private static CliRun run(String name, List<String> args, Setup setup) {
    long[] cpu = new long[1];
    long wallStart = System.nanoTime();
    CliRun r = Assertions.assertTimeoutPreemptively(HANG_LIMIT, () -> {
          long start = THREADS.getCurrentThreadCpuTime();
          CliRun run = CliRun.of(args, setup.stdin().get());
          cpu[0] = (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;
          return run;
        },
        () -> name + ": a run did not end within " + HANG_LIMIT.toSeconds() + " s (contract item 2: never a hang)");
    long wall = (System.nanoTime() - wallStart) / 1_000_000;
    SLOWEST_RUN_MS.merge(name, cpu[0], Math::max);
    SLOWEST_WALL_MS.merge(name, wall, Math::max);
    assertThat(cpu[0]).as("%s: CPU time of one run in ms (contract item 2: a few seconds per file)", name)
        .isLessThanOrEqualTo(RUN_LIMIT.toMillis());
    return r;
  }

  private static Setup setup(String name) throws IOException {
    GeneratedCases.Generator g = GeneratedCases.ALL.get(name);
    if (g != null) {
      Path dir = Files.createDirectories(tmp.resolve(name));
      return g.make(dir);
    }
    Path p = files().resolve(name);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException("cases.tsv names " + name + ", which is neither a file under "
          + files() + " nor a generated case");
    }
    String shown = display(p);
    String root = display(files()) + "/";
    return Files.isDirectory(p) ? Setup.paths(Path.of(shown), null, shown).withRoot(shown + "/")
        : Setup.paths(Path.of(root), shown, shown);
  }

  /** The form the CLI shows a path in: relative to the working directory when inside it. */
  static String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
  }

  static Map<String, Expected> cases() throws IOException {
    Map<String, Expected> rows = new TreeMap<>();
    List<String> lines = Files.readAllLines(testdata().resolve("hostile/cases.tsv"), StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException("cases.tsv: a row needs case, exit and findings separated by tabs: " + line);
      }
      List<String> tokens = cols[2].equals("-") ? List.of() : new ArrayList<>(List.of(cols[2].split(",")));
      List<String> sorted = new ArrayList<>(tokens);
      sorted.sort(null);
      if (rows.put(cols[0], new Expected(Integer.parseInt(cols[1]), List.copyOf(sorted))) != null) {
        throw new IllegalStateException("cases.tsv: " + cols[0] + " appears twice");
      }
    }
    return rows;
  }

  static Path testdata() {
    String prop = System.getProperty("istiolint.testdata");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata/hostile"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata/ not found: set -Distiolint.testdata");
  }

  static Path files() {
    return testdata().resolve("hostile/files");
  }

  static String good() {
    return testdata().resolve("hostile/good.yaml").toString();
  }

  private static List<String> with(List<String> first, List<String> rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(rest);
    return all;
  }

  private static List<String> prefixed(String what, List<String> problems) {
    return problems.stream().map(p -> what + ": " + p).toList();
  }

  private static String cut(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
  }

  /** Names, sizes and times of every file in the temporary folder and the corpus, to catch unexpected writes. */
  private static Map<String, String> snapshot() throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (Path root : List.of(tmp, testdata().resolve("hostile"))) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            m.put(p.toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
          } else {
            m.put(p.toString(), Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "other");
          }
        }
      }
    }
    return m;
  }

  private static String difference(Map<String, String> before, Map<String, String> after) {
    List<String> d = new ArrayList<>();
    after.forEach((k, v) -> {
      if (!v.equals(before.get(k))) {
        d.add("+" + k);
      }
    });
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> d.add("-" + k));
    return OutputContract.visible(d.toString());
  }
}
