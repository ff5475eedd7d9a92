package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.Linter;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.source.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in rules may run on several threads over one snapshot: each reports into its own list, and the shared
 * views they build lazily (the TLS matrix, the service registry, label indexes) are computed once and safely. Every
 * rule fixture and scenario, loaded as one mesh, must give the same findings rule by rule on four threads as one
 * after the other.
 */
class ConcurrentRulesTest {

  private static final int THREADS = 4;
  private static final int ROUNDS = 3;

  @ParameterizedTest(name = "Istio {0}")
  @ValueSource(strings = {"1.28", "1.12", "1.4", "1.0"})
  void rulesOnFourThreadsFindWhatTheyFindOneAfterTheOther(String version) throws Exception {
    IstioVersion v = IstioVersion.parse(version).orElseThrow();
    Path testdata = TestPaths.testdata();
    List<Resource> resources =
        Linter.lint(
                LintRequest.builder()
                    .path(testdata.resolve("rules"))
                    .path(testdata.resolve("scenarios"))
                    .baseDirectory(testdata)
                    .istioVersion(v)
                    .build())
            .snapshot()
            .all();
    List<LintRule> rules = BuiltInRules.all();

    Map<String, List<String>> sequential = new LinkedHashMap<>();
    MeshSnapshot once = MeshSnapshot.of(resources, v, Optional.empty());
    for (LintRule rule : rules) {
      sequential.put(rule.meta().id(), run(rule, once, v));
    }
    assertThat(sequential.values().stream().mapToInt(List::size).sum()).as("findings").isGreaterThan(50);
    assertThat(sequential.values()).allSatisfy(l -> assertThat(l).noneMatch(s -> s.startsWith("failed: ")));

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // a fresh snapshot, so the threads race to build its shared views
        MeshSnapshot shared = MeshSnapshot.of(resources, v, Optional.empty());
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Future<List<String>>> futures = new LinkedHashMap<>();
        for (LintRule rule : rules) {
          futures.put(
              rule.meta().id(),
              pool.submit(
                  () -> {
                    start.await();
                    return run(rule, shared, v);
                  }));
        }
        start.countDown();
        Map<String, List<String>> concurrent = new LinkedHashMap<>();
        for (Map.Entry<String, Future<List<String>>> f : futures.entrySet()) {
          concurrent.put(f.getKey(), f.getValue().get(2, TimeUnit.MINUTES));
        }
        assertThat(concurrent).as("round %d", round).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The findings of one rule, as text, in report order; a failure of the rule is a finding too. */
  private static List<String> run(LintRule rule, MeshSnapshot mesh, IstioVersion version) {
    List<String> out = new ArrayList<>();
    RuleContext ctx =
        new RuleContext() {
          @Override
          public MeshSnapshot mesh() {
            return mesh;
          }

          @Override
          public IstioVersion istioVersion() {
            return version;
          }

          @Override
          public void report(Resource resource, SourceSpan span, String message, List<RelatedLocation> related) {
            out.add(resource.id() + " " + span + " " + message + " " + related);
          }

          @Override
          public void notApplicable(String reason) {
            out.add("not applicable: " + reason);
          }
        };
    try {
      rule.check(ctx);
    } catch (RuntimeException e) {
      out.add("failed: " + e);
    }
    return out;
  }
}
