package dev.istiolint.core.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.IstioOperator;
import dev.istiolint.core.rule.CoreRules;
import org.junit.jupiter.api.Test;

class NonManifestTest {

  @Test
  void helmValuesFileIsSkippedWithAnInfoNote() {
    Decode d = Decode.of("replicaCount: 2\nimage:\n  repository: httpbin\n");
    assertThat(d.resources).isEmpty();
    assertThat(d.problems).extracting(Diagnostic::rule).containsExactly(CoreRules.NOT_A_MANIFEST);
    assertThat(d.problems.get(0).span().startLine()).isEqualTo(1);
  }

  @Test
  void chartFileWithApiVersionButNoKindIsSkippedWithAnInfoNote() {
    Decode d = Decode.of("apiVersion: v2\nname: tag-chart\nversion: 0.1.0\n");
    assertThat(d.problems).extracting(Diagnostic::rule).containsExactly(CoreRules.NOT_A_MANIFEST);
  }

  @Test
  void manifestMissingOnlyItsKindIsAnError() {
    Decode d = Decode.of("apiVersion: v1\nmetadata:\n  name: httpbin\n");
    assertThat(d.problems).extracting(Diagnostic::rule).containsExactly(CoreRules.NOT_A_RESOURCE);
    assertThat(d.problems.get(0).message()).contains("no kind");
  }

  @Test
  void generateNameStandsInForTheName() {
    Decode d = Decode.of("apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: job-\n");
    assertThat(d.problems).isEmpty();
    assertThat(d.resources.get(0).name()).isEqualTo("job-");
  }

  @Test
  void istioOperatorWithoutNameIsAccepted() {
    Decode d = Decode.of("apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n");
    assertThat(d.problems).isEmpty();
    assertThat(d.resources).singleElement().isInstanceOf(IstioOperator.class);
  }
}
