package dev.istiolint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.thirdparty.NoLatestImageTag;
import org.junit.jupiter.api.Test;

/** A rule registered through ServiceLoader is found after the built-in ones and runs like them. */
class ThirdPartyRuleTest {

  private static final String MANIFEST =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        selector:
          matchLabels: {app: api}
        template:
          metadata:
            labels: {app: api}
          spec:
            containers:
            - name: api
              image: api:latest
      """;

  @Test
  void serviceLoaderRuleIsListedAfterTheBuiltInRules() {
    assertThat(BuiltInRules.all()).hasSize(BuiltInRules.builtIn().size() + 1);
    assertThat(BuiltInRules.all().get(BuiltInRules.all().size() - 1)).isInstanceOf(NoLatestImageTag.class);
    assertThat(BuiltInRules.builtIn()).noneMatch(r -> r instanceof NoLatestImageTag);
  }

  @Test
  void serviceLoaderRuleReportsLikeABuiltInRule() {
    LintResult result =
        Linter.lint(
            LintRequest.builder()
                .source(SourceInput.of("deploy.yaml", MANIFEST))
                .rules(BuiltInRules.all())
                .select("SCHEMA901")
                .build());
    assertThat(result.findings()).extracting(Diagnostic::toString)
        .containsExactly(
            "deploy.yaml:15:16: warning: [SCHEMA901] image api:latest uses the latest tag; pin a version");
    LintRule rule = BuiltInRules.all().get(BuiltInRules.all().size() - 1);
    assertThat(result.findings().get(0).rule()).isEqualTo(rule.meta());
  }

  @Test
  void serviceLoaderRuleCanBeSelectedIgnoredAndOverridden() {
    LintResult ignored =
        Linter.lint(
            LintRequest.builder()
                .source(SourceInput.of("deploy.yaml", MANIFEST))
                .rules(BuiltInRules.all())
                .ignore("SCHEMA901")
                .build());
    assertThat(ignored.findings()).noneMatch(d -> d.ruleId().equals("SCHEMA901"));
  }
}
