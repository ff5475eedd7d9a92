package dev.istiolint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process runs of the command line: exact stdout, stderr and exit code for each option. */
class MainTest {

  private static final String DOCS = "https://github.com/istio-lint/istio-lint/blob/main/rules/src/main/resources/rule-docs/";
  private static final String CLEAN = "testdata/reporters/clean/input";
  private static final String FINDINGS = "testdata/reporters/findings/input";
  private static final String CONTEXT = "testdata/cli/context";
  private static final String CLEAN_SUMMARY =
      "No problems found in 1 file, 1 document, 1 resource; Istio 1.28 semantics: default (newest profile).\n";

  private static final String DUPLICATE =
      "testdata/cli/context/b-second.yaml:4:9: warning: [LINT003] Service foo/shared is defined twice; the one applied"
          + " last replaces the other\n";

  /** A report that cannot be written is exit code 3 with a reason, whatever the findings; a usage error stays 2. */
  @Test
  void unwritableStandardOutputIsExitCodeThree() {
    Writer full = new Cli.FailingWriter(0);
    for (String input : List.of(CLEAN, FINDINGS)) {
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"check", Cli.testdata() + "/" + input.substring("testdata/".length())},
          InputStream.nullInputStream(), new PrintWriter(full), new PrintWriter(err), false);
      assertThat(code).as(input).isEqualTo(3);
      assertThat(err.toString()).isEqualTo("error: the report could not be written to standard output\n");
    }
    StringWriter err = new StringWriter();
    int usage = Main.run(new String[] {"check", "--no-such-option", "x"}, InputStream.nullInputStream(),
        new PrintWriter(full), new PrintWriter(err), false);
    assertThat(usage).isEqualTo(2);
  }

  @Test
  void checkIsTheDefaultCommand() {
    Cli.Run run = Cli.run(CLEAN);
    assertThat(run.out()).isEqualTo(CLEAN_SUMMARY);
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isZero();
  }

  @Test
  void versionPrintsTheToolVersion() {
    Cli.Run run = Cli.run("--version");
    assertThat(run.out()).isEqualTo("istio-lint " + VersionProvider.version() + "\n");
    assertThat(VersionProvider.version()).doesNotContain("${");
    assertThat(run.code()).isZero();
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Cli.Run run = Cli.run("--help");
    assertThat(run.out()).contains("check", "rules", "rule", "generate-completion", "2  usage error");
    assertThat(run.code()).isZero();
    Cli.Run check = Cli.run("check", "--help");
    assertThat(check.out()).contains("--fail-on", "--format", "--context", "--write-baseline", "text, json, sarif, github, junit");
    assertThat(check.code()).isZero();
  }

  @Test
  void noArgumentsIsAUsageError() {
    Cli.Run run = Cli.run();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("Usage: istio-lint");
    assertThat(run.code()).isEqualTo(2);
  }

  @Test
  void checkWithoutPathsIsAUsageError() {
    Cli.Run run = Cli.run("check");
    assertThat(run.err()).isEqualTo("error: no PATHS given: name files or folders, or - for stdin\n");
    assertThat(run.code()).isEqualTo(2);
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    Cli.Run run = Cli.run("check", "--bogus", CLEAN);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: Unknown option: '--bogus'\nRun 'istio-lint check --help' for usage.\n");
    assertThat(run.code()).isEqualTo(2);
  }

  @Test
  void missingPathIsAUsageErrorButTheOtherPathsAreStillAnalysed() {
    Cli.Run run = Cli.run("check", "does/not/exist.yaml", CLEAN);
    assertThat(run.out()).isEqualTo(CLEAN_SUMMARY);
    assertThat(run.err()).isEqualTo("error: no such file or folder: does/not/exist.yaml\n");
    assertThat(run.code()).isEqualTo(2);
  }

  @Test
  void onlyMissingPathsIsAUsageError() {
    Cli.Run run = Cli.run("check", "does/not/exist.yaml");
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: no such file or folder: does/not/exist.yaml\n");
    assertThat(run.code()).isEqualTo(2);
  }

  @Test
  void stdinIsReadWithTheGivenFileName() {
    String yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  namespace: foo\n";
    Cli.Run run = Cli.runWithStdin(yaml, "check", "-q", "--stdin-filename", "apps/svc.yaml", "-");
    assertThat(run.out()).isEqualTo("apps/svc.yaml:4:3: error: [YAML010] the resource has no metadata.name\n");
    assertThat(run.code()).isEqualTo(1);
    Cli.Run unnamed = Cli.runWithStdin(yaml, "-q", "-");
    assertThat(unnamed.out()).startsWith("<stdin>:4:3: error: [YAML010]");
  }

  @Test
  void excludeAndIncludeFilterTheFilesOfAFolder() {
    Cli.Run excluded = Cli.run("check", "--exclude", "**/a-first.yaml", CONTEXT);
    assertThat(excluded.out()).isEqualTo("No problems found in 1 file, 1 document, 1 resource; Istio 1.28 semantics: default (newest profile).\n");
    Cli.Run included = Cli.run("check", "--include", "b-*.yaml", CONTEXT);
    assertThat(included.out()).isEqualTo(excluded.out());
    assertThat(Cli.run("check", "-q", CONTEXT).out()).isEqualTo(DUPLICATE);
  }

  @Test
  void contextIsAnalysedButOnlyThePathsAreReported() {
    assertThat(Cli.run("check", "-q", "--context", CONTEXT, CONTEXT + "/b-second.yaml").out()).isEqualTo(DUPLICATE);
    Cli.Run other = Cli.run("check", "--context", CONTEXT, CONTEXT + "/a-first.yaml");
    assertThat(other.out()).isEqualTo("No problems found in 2 files, 2 documents, 2 resources; Istio 1.28 semantics: default (newest profile).\n");
    assertThat(Cli.run("check", "-q", CONTEXT + "/b-second.yaml").out()).isEmpty();
  }

  @Test
  void istioVersionIsAppliedAndValidated() {
    assertThat(Cli.run("check", "--istio-version", "1.6.3", CLEAN).out())
        .isEqualTo("No problems found in 1 file, 1 document, 1 resource; Istio 1.6 semantics: given.\n");
    Cli.Run bad = Cli.run("check", "--istio-version", "two", CLEAN);
    assertThat(bad.err()).isEqualTo("error: --istio-version two is not a version like 1.24\n");
    assertThat(bad.code()).isEqualTo(2);
  }

  @Test
  void threadsDoNotChangeTheReportAndANegativeCountIsAUsageError() {
    Cli.Run one = Cli.run("check", "--format", "json", "--threads", "1", FINDINGS, CONTEXT);
    assertThat(one.code()).isEqualTo(1);
    assertThat(Cli.run("check", "--format", "json", "--threads", "4", FINDINGS, CONTEXT)).isEqualTo(one);
    assertThat(Cli.run("check", "--format", "json", FINDINGS, CONTEXT)).isEqualTo(one);
    assertThat(Cli.run("check", "--threads", "-1", CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: --threads -1 is negative; give 1 or more\n"));
  }

  @Test
  void meshConfigFileIsReadAndAMissingOneIsAUsageError() {
    assertThat(Cli.run("check", "--mesh-config", "does/not/mesh.yaml", CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: the mesh config file does/not/mesh.yaml does not exist or is not a file\n"));
  }

  @Test
  void selectIgnoreAndSeverityShapeTheFindings() {
    assertThat(Cli.run("check", "-q", "--select", "YAML010", FINDINGS).out())
        .isEqualTo("testdata/reporters/findings/input/d-not-a-resource.yaml:4:3: error: [YAML010] the resource has no metadata.name\n");
    Cli.Run ignored = Cli.run("check", "-q", "--ignore", "YAML002,YAML010,LINT006", FINDINGS);
    assertThat(ignored.out()).startsWith("testdata/reporters/findings/input/b second.yaml:5:9: warning: [LINT003]");
    assertThat(ignored.out().lines()).hasSize(1);
    assertThat(ignored.code()).isZero();
    Cli.Run raised = Cli.run("check", "-q", "--select", "LINT003", "--severity", "LINT003=error", FINDINGS);
    assertThat(raised.out()).startsWith("testdata/reporters/findings/input/b second.yaml:5:9: error: [LINT003]");
    assertThat(raised.code()).isEqualTo(1);
  }

  @Test
  void unknownRuleIdsAndLevelsAreUsageErrors() {
    assertThat(Cli.run("check", "--select", "NOPE001", CLEAN)).isEqualTo(new Cli.Run(2, "", "error: unknown rule id: NOPE001\n"));
    assertThat(Cli.run("check", "--ignore", "NOPE002", CLEAN)).isEqualTo(new Cli.Run(2, "", "error: unknown rule id: NOPE002\n"));
    assertThat(Cli.run("check", "--severity", "LINT003=fatal", CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: --severity LINT003=fatal: the level must be error, warning or info\n"));
  }

  @Test
  void failOnSetsTheThresholdAndExitZeroOverridesIt() {
    assertThat(Cli.run("check", "-q", CONTEXT).code()).isZero();
    assertThat(Cli.run("check", "-q", "--fail-on", "warning", CONTEXT).code()).isEqualTo(1);
    assertThat(Cli.run("check", "-q", "--fail-on", "info", CONTEXT).code()).isEqualTo(1);
    assertThat(Cli.run("check", "-q", "--fail-on", "never", FINDINGS).code()).isZero();
    assertThat(Cli.run("check", "-q", "--exit-zero", FINDINGS).code()).isZero();
    assertThat(Cli.run("check", "-q", "--exit-zero", "missing.yaml", FINDINGS).code()).isEqualTo(2);
    assertThat(Cli.run("check", "--fail-on", "sometimes", CLEAN).code()).isEqualTo(2);
    assertThat(Cli.run("check", "-q", "--fail-on", "WARNING", CONTEXT).code()).isEqualTo(1);
  }

  @Test
  void exitCodeDoesNotDependOnTheFormat() {
    for (String format : new String[] {"text", "json", "sarif", "github", "junit"}) {
      assertThat(Cli.run("check", "--format", format, FINDINGS).code()).as(format).isEqualTo(1);
      assertThat(Cli.run("check", "--format", format, CLEAN).code()).as(format).isZero();
    }
  }

  @Test
  void outputFileGetsTheReportAndTheConsoleTheSummary(@TempDir Path tmp) throws IOException {
    Path report = tmp.resolve("reports/out.json");
    Cli.Run run = Cli.run("check", "--format", "json", "-o", report.toString(), FINDINGS);
    assertThat(run.out()).isEqualTo("Found 2 errors, 2 warnings, 0 infos in 4 files, 3 documents, 2 resources; Istio 1.28 semantics: default (newest profile).\n");
    assertThat(run.code()).isEqualTo(1);
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(Path.of("testdata/reporters/findings/expected.json"), StandardCharsets.UTF_8));
    try (var files = Files.list(report.getParent())) {
      assertThat(files).containsExactly(report);
    }
    Cli.Run quiet = Cli.run("check", "-q", "-o", report.toString(), FINDINGS);
    assertThat(quiet.out()).isEmpty();
  }

  @Test
  void unwritableOutputIsAnIoError(@TempDir Path tmp) throws IOException {
    Path blocker = Files.writeString(tmp.resolve("file"), "x");
    Cli.Run run = Cli.run("check", "-o", blocker.resolve("out.txt").toString(), CLEAN);
    assertThat(run.err()).startsWith("error: cannot write ");
    assertThat(run.code()).isEqualTo(3);
  }

  @Test
  void quietPrintsOnlyFindingLines() {
    Cli.Run run = Cli.run("check", "--quiet", CONTEXT);
    assertThat(run.out()).isEqualTo(DUPLICATE);
    assertThat(Cli.run("check", "--quiet", CLEAN).out()).isEmpty();
  }

  @Test
  void verboseListsTheRulesRunAndTheVersionChosen() {
    Cli.Run run = Cli.run("check", "--verbose", "--select", "YAML001,LINT003", CLEAN);
    assertThat(run.out())
        .isEqualTo(CLEAN_SUMMARY + "Istio version: 1.28 (default (newest profile))\nRules run: LINT003, YAML001\n");
    Cli.Run json = Cli.run("check", "--verbose", "--format", "json", "--select", "YAML001", CLEAN);
    assertThat(json.err()).isEqualTo("Istio version: 1.28 (default (newest profile))\nRules run: YAML001\n");
    Cli.Run notRun = Cli.run("check", "-q", "--verbose", "--select", "LINT900,YAML001", CLEAN);
    assertThat(notRun.out())
        .isEqualTo(
            "Istio version: 1.28 (default (newest profile))\nRules run: YAML001\n"
                + "Rule not run: LINT900: no resource is named explode\n");
  }

  @Test
  void statisticsCountsFindingsPerRule() {
    Cli.Run run = Cli.run("check", "-q", "--statistics", FINDINGS);
    assertThat(run.out())
        .endsWith(
            "    1  LINT003   duplicate-resource               warning\n"
                + "    1  LINT006   unknown-suppression-id           warning\n"
                + "    1  YAML002   yaml-syntax-error                error\n"
                + "    1  YAML010   not-a-resource                   error\n");
  }

  @Test
  void coloursOnlyOnATerminalAndNeverWithNoColor() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    String[] args = {"check", CONTEXT};
    Main.run(args, java.io.InputStream.nullInputStream(), new java.io.PrintWriter(out), new java.io.PrintWriter(err), true);
    assertThat(out.toString()).contains("\u001b[1;33mwarning\u001b[0m");
    java.io.StringWriter plain = new java.io.StringWriter();
    String[] noColor = {"check", "--no-color", CONTEXT};
    Main.run(noColor, java.io.InputStream.nullInputStream(), new java.io.PrintWriter(plain), new java.io.PrintWriter(err), true);
    assertThat(plain.toString()).doesNotContain("\u001b[");
    assertThat(Cli.run("check", CONTEXT).out()).doesNotContain("\u001b[");
  }

  @Test
  void internalErrorsExitThreeAndDebugPrintsTheStackTrace() {
    Cli.Run run = Cli.run("check", "-q", "testdata/cli/explode.yaml");
    assertThat(run.out()).isEqualTo("<rules>:1:1: error: [LINT001] rule LINT900 (test-explodes) failed; please report it (rerun with --debug for details)\n");
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isEqualTo(3);
    Cli.Run debug = Cli.run("check", "-q", "--debug", "testdata/cli/explode.yaml");
    assertThat(debug.err()).startsWith("java.lang.IllegalStateException: boom\n\tat dev.istiolint.cli.ExplodingRule.check(");
    assertThat(debug.code()).isEqualTo(3);
  }

  @Test
  void configFileSetsEveryKey() {
    Cli.Run run = Cli.run("check", "-q", "--config", "testdata/cli/config/full.yaml", FINDINGS);
    assertThat(run.out())
        .isEqualTo("testdata/reporters/findings/input/b second.yaml:5:9: error: [LINT003] Service foo/httpbin is defined twice; the one applied last replaces the other\n");
    assertThat(run.code()).isEqualTo(1);
    assertThat(Cli.run("check", "--config", "testdata/cli/config/full.yaml", CLEAN).out())
        .isEqualTo("No problems found in 1 file, 1 document, 1 resource; Istio 1.0 semantics: given.\n");
  }

  @Test
  void commandLineSelectReplacesTheConfiguredOne() {
    Cli.Run run = Cli.run("check", "-q", "--config", "testdata/cli/config/full.yaml", "--select", "YAML010", "--exclude", "nothing", FINDINGS);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void configErrorsAreUsageErrorsWithTheLine() {
    assertThat(Cli.run("check", "--config", "testdata/cli/config/unknown-key.yaml", CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: testdata/cli/config/unknown-key.yaml:2:1: invalid configuration: unknown key \"selectt\" (known: istioVersion, meshConfig, select, ignore, severity, exclude, perFileIgnores)\n"));
    assertThat(Cli.run("check", "--config", "testdata/cli/config/bad-severity.yaml", CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: testdata/cli/config/bad-severity.yaml:2:12: invalid configuration: severity \"fatal\" is not one of error, warning, info\n"));
    assertThat(Cli.run("check", "--config", "testdata/cli/config/unknown-id.yaml", CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: testdata/cli/config/unknown-id.yaml:3:5: invalid configuration: unknown rule id \"NOPE001\"\n"));
    assertThat(Cli.run("check", "--config", "testdata/cli/config/none.yaml", CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: configuration file not found: testdata/cli/config/none.yaml\n"));
  }

  @Test
  void baselineHidesRecordedFindingsEvenAfterLinesMove(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    String svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shared\n  namespace: foo\n";
    Files.writeString(dir.resolve("a.yaml"), svc);
    Files.writeString(dir.resolve("b.yaml"), svc);
    Path baseline = tmp.resolve("baseline.json");
    Cli.Run write = Cli.run("check", "--write-baseline", baseline.toString(), dir.toString());
    assertThat(write.out()).isEqualTo("Wrote 1 findings to the baseline " + baseline + ".\n");
    assertThat(write.code()).isZero();
    assertThat(Files.readString(baseline)).contains("\"ruleId\": \"LINT003\"", "\"resource\": \"Service foo/shared\"");

    Files.writeString(dir.resolve("b.yaml"), "# a comment moves every line down\n\n" + svc);
    Cli.Run after = Cli.run("check", "-q", "--fail-on", "warning", "--baseline", baseline.toString(), dir.toString());
    assertThat(after).isEqualTo(new Cli.Run(0, "", ""));

    Files.writeString(dir.resolve("c.yaml"), svc);
    Cli.Run more = Cli.run("check", "-q", "--fail-on", "warning", "--baseline", baseline.toString(), dir.toString());
    assertThat(more.out()).contains("c.yaml:4:9: warning: [LINT003]");
    assertThat(more.code()).isEqualTo(1);
  }

  @Test
  void missingOrBrokenBaselineIsAUsageError(@TempDir Path tmp) throws IOException {
    Path none = tmp.resolve("none.json");
    assertThat(Cli.run("check", "--baseline", none.toString(), CLEAN))
        .isEqualTo(new Cli.Run(2, "", "error: baseline file not found: " + none + "\n"));
    Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"version\": 2}");
    assertThat(Cli.run("check", "--baseline", broken.toString(), CLEAN).err())
        .isEqualTo("error: invalid baseline file " + broken + ": expected {\"version\": 1, \"findings\": [...]}\n");
  }

  @Test
  void rulesPrintsTheCatalogue() {
    Cli.Run run = Cli.run("rules");
    assertThat(run.out()).startsWith("ID       NAME ");
    assertThat(run.out()).contains("\nYAML001  duplicate-key ", "\nLINT005  unused-suppression ", "\nLINT900  test-explodes ");
    assertThat(run.code()).isZero();
  }

  @Test
  void rulePrintsTheDocumentationFromTheJar() {
    Cli.Run run = Cli.run("rule", "YAML001");
    assertThat(run.out()).startsWith("# YAML001 duplicate-key\n").contains("## How to fix");
    assertThat(Cli.run("rule", "yaml001").out()).isEqualTo(run.out());
    assertThat(Cli.run("rule", "LINT900").out())
        .isEqualTo("# LINT900 test-explodes\n\nFails on purpose in tests\n\nSee " + DOCS + "LINT900.md\n");
    assertThat(Cli.run("rule", "NOPE001"))
        .isEqualTo(new Cli.Run(2, "", "error: unknown rule id: NOPE001; see 'istio-lint rules'\n"));
  }

  @Test
  void everyCoreFindingHasItsDocumentationInTheJar() {
    for (var rule : dev.istiolint.core.rule.CoreRules.all()) {
      assertThat(MainTest.class.getClassLoader().getResource(rule.docResource())).as(rule.id()).isNotNull();
      assertThat(Cli.run("rule", rule.id()).out()).as(rule.id()).startsWith("# " + rule.id() + " " + rule.name() + "\n");
    }
  }

  @Test
  void galleySuppressionMatchesTheIstioCode() {
    String dr = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\n  namespace: foo\n"
        + "  annotations:\n    galley.istio.io/analyze-suppress: \"IST0108, IST0106\"\nspec:\n  host: a_b\n";
    Cli.Run run = Cli.runWithStdin(dr, "check", "-q", "--select", "SCHEMA008", "-");
    assertThat(run).isEqualTo(new Cli.Run(0, "", ""));
    Cli.Run plain = Cli.runWithStdin(dr.replace("IST0106", "IST0999"), "check", "-q", "--select", "SCHEMA008", "-");
    assertThat(plain.out()).contains("[SCHEMA008]");
  }

  @Test
  void completionScriptIsGenerated() {
    Cli.Run run = Cli.run("generate-completion");
    assertThat(run.out()).contains("complete -F _complete_istio-lint", "--fail-on");
    assertThat(run.code()).isZero();
  }
}
