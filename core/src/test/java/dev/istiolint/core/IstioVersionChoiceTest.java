package dev.istiolint.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.model.IstioVersion;
import org.junit.jupiter.api.Test;

class IstioVersionChoiceTest {

  private static final String MESH_POLICY =
      "apiVersion: authentication.istio.io/v1alpha1\nkind: MeshPolicy\nmetadata:\n  name: default\nspec:\n"
          + "  peers:\n  - mtls: {}\n";

  private static LintResult lint(String yaml, IstioVersion given) {
    LintRequest.Builder b = LintRequest.builder().source(SourceInput.of("in.yaml", yaml));
    if (given != null) {
      b.istioVersion(given);
    }
    return Linter.lint(b.build());
  }

  @Test
  void withoutLegacyKindsTheNewestProfileApplies() {
    LintResult r = lint("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n", null);
    assertThat(r.istioVersion()).isEqualTo(IstioVersion.LATEST);
    assertThat(r.istioVersionReason()).contains("default");
  }

  @Test
  void legacyKindsAloneImplyTheOneDotZeroProfile() {
    LintResult r = lint(MESH_POLICY, null);
    assertThat(r.istioVersion()).isEqualTo(IstioVersion.V1_0);
    assertThat(r.istioVersionReason()).contains("MeshPolicy default");
  }

  @Test
  void legacyKindsNextToApisServedSinceOneDotFiveImplyTheTransitionRelease() {
    String pa =
        "---\napiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata:\n  name: default\n"
            + "  namespace: foo\nspec:\n  mtls:\n    mode: STRICT\n";
    LintResult r = lint(MESH_POLICY + pa, null);
    assertThat(r.istioVersion()).isEqualTo(new IstioVersion(1, 5));
    assertThat(r.istioVersionReason()).contains("PeerAuthentication foo/default");
  }

  @Test
  void aGivenVersionAlwaysWins() {
    LintResult r = lint(MESH_POLICY, new IstioVersion(1, 4));
    assertThat(r.istioVersion()).isEqualTo(new IstioVersion(1, 4));
    assertThat(r.istioVersionReason()).isEqualTo("given");
  }
}
