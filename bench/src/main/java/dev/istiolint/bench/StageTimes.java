package dev.istiolint.bench;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.tls.TlsMatrix;
import dev.istiolint.core.engine.tls.TlsResolver;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.source.SourceSpan;
import dev.istiolint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of one run goes, stage by stage and rule by rule, to find what grows faster than the input: load +
 * validate + decode + snapshot (a run without rules), the TLS matrix, then every built-in rule on the loaded snapshot.
 * Each stage runs twice; the second (warm) time is printed.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.istiolint.bench.StageTimes DIR [--no-tls]}; {@code --no-tls} skips the
 * matrix and the TLS rules (which read it).
 */
public final class StageTimes {

  private StageTimes() {}

  public static void main(String[] args) {
    Path corpus = Path.of(args[0]);
    boolean noTls = args.length > 1 && args[1].equals("--no-tls");
    LintResult loaded = null;
    long loadMs = 0;
    for (int i = 0; i < 2; i++) {
      long t = System.nanoTime();
      loaded = Linter.lint(LintRequest.builder().path(corpus).baseDirectory(corpus).build());
      loadMs = (System.nanoTime() - t) / 1_000_000;
    }
    MeshSnapshot mesh = loaded.snapshot();
    IstioVersion version = loaded.istioVersion();
    print("load+validate+decode+snapshot", loadMs, loaded.summary().resources() + " resources");

    TlsMatrix matrix = null;
    long tlsMs = 0;
    for (int i = 0; i < (noTls ? 0 : 2); i++) {
      long t = System.nanoTime();
      matrix = TlsResolver.resolve(mesh, version);
      tlsMs = (System.nanoTime() - t) / 1_000_000;
    }
    if (matrix != null) {
      print("TLS matrix", tlsMs, matrix.routeCount() + " routes in " + matrix.groups().size() + " groups, " + matrix.rootCauses().size() + " root causes");
    }

    TlsMatrix shared = matrix;
    for (LintRule rule : BuiltInRules.all()) {
      if (noTls && rule.meta().id().startsWith("TLS")) {
        continue;
      }
      int[] reports = new int[1];
      RuleContext ctx = context(mesh, version, shared, reports);
      long ms = 0;
      for (int i = 0; i < 2; i++) {
        reports[0] = 0;
        long t = System.nanoTime();
        rule.check(ctx);
        ms = (System.nanoTime() - t) / 1_000_000;
      }
      print("rule " + rule.meta().id() + " " + rule.meta().name(), ms, reports[0] + " findings");
    }
  }

  /**
   * A context that runs a rule on {@code mesh} outside a lint run: {@code tls} is the matrix it reads, and each finding
   * only counts in {@code reports[0]}.
   */
  static RuleContext context(MeshSnapshot mesh, IstioVersion version, TlsMatrix tls, int[] reports) {
    return new RuleContext() {
      @Override
      public MeshSnapshot mesh() {
        return mesh;
      }

      @Override
      public IstioVersion istioVersion() {
        return version;
      }

      @Override
      public TlsMatrix tls() {
        return tls;
      }

      @Override
      public void report(Resource resource, SourceSpan span, String message, List<RelatedLocation> related) {
        reports[0]++;
      }

      @Override
      public void notApplicable(String reason) {}
    };
  }

  private static void print(String stage, long ms, String note) {
    System.out.printf(Locale.ROOT, "%-60s %8d ms  %s%n", stage, ms, note);
  }
}
