package dev.istiolint.bench;

import dev.istiolint.core.LintResult;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The three stages over the same corpus in the same run, each operation one pass over every file (read from disk,
 * page-cached, as the CLI reads them):
 *
 * <ul>
 *   <li>{@code a_rawParse}: the baseline, snakeyaml-engine events of every document, one thread;
 *   <li>{@code a_rawParseParallel}: the same on one thread per processor, files merged in order;
 *   <li>{@code b_loadDecode}: core's loader and decoder, per file, one thread;
 *   <li>{@code b_loadValidateDecode}: the same with schema validation in between, as the pipeline does it;
 *   <li>{@code c_lint}: the whole analysis through {@code Linter.lint} with every built-in rule, files loaded and
 *       rules run on one thread per processor (the default);
 *   <li>{@code c_lintOneThread}: the same on the calling thread only;
 *   <li>{@code c_lintWithoutTls}: the same without the TLS rules, and so without the effective-TLS matrix.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx10g"})
public class PipelineBenchmark {

  @Param({"1k", "10k", "100k"})
  public String corpus;

  private Path dir;
  private List<Path> files;
  private ExecutorService pool;
  private List<LintRule> withoutTls;

  @Setup(Level.Trial)
  public void setUp() {
    dir = Corpus.ensure(corpus);
    files = Corpus.manifests(List.of(dir));
    pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    withoutTls = Pipeline.rulesWithoutTls();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdown();
  }

  @Benchmark
  public long a_rawParse() {
    long events = 0;
    for (Path f : files) {
      events += RawParse.parse(f.toString(), Corpus.read(f))[0];
    }
    return events;
  }

  @Benchmark
  public long a_rawParseParallel() throws InterruptedException, ExecutionException {
    List<Future<long[]>> results = new ArrayList<>(files.size());
    for (Path f : files) {
      results.add(pool.submit(() -> RawParse.parse(f.toString(), Corpus.read(f))));
    }
    long events = 0;
    for (Future<long[]> r : results) {
      events += r.get()[0];
    }
    return events;
  }

  @Benchmark
  public long b_loadDecode() {
    Pipeline.Tools tools = Pipeline.Tools.create();
    long resources = 0;
    for (Path f : files) {
      resources += Pipeline.loadAndDecode(tools, dir.relativize(f).toString(), Corpus.read(f));
    }
    return resources;
  }

  @Benchmark
  public long b_loadValidateDecode() {
    Pipeline.Tools tools = Pipeline.Tools.create();
    long out = 0;
    for (Path f : files) {
      out += Pipeline.loadValidateAndDecode(tools, dir.relativize(f).toString(), Corpus.read(f));
    }
    return out;
  }

  @Benchmark
  public void c_lint(Blackhole bh) {
    LintResult result = Pipeline.lint(dir);
    bh.consume(result.findings());
    bh.consume(result.summary());
  }

  @Benchmark
  public void c_lintOneThread(Blackhole bh) {
    LintResult result = Pipeline.lint(List.of(dir), dir, BuiltInRules.all(), 1);
    bh.consume(result.findings());
    bh.consume(result.summary());
  }

  @Benchmark
  public void c_lintWithoutTls(Blackhole bh) {
    LintResult result = Pipeline.lint(List.of(dir), dir, withoutTls);
    bh.consume(result.findings());
    bh.consume(result.summary());
  }
}
