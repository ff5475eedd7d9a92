package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.model.IstioVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0, 1.0", "1.1, 1.1–1.3", "1.3, 1.1–1.3", "1.4, 1.4", "1.5, 1.5", "1.6, 1.6–1.11", "1.11, 1.6–1.11",
    "1.12, 1.12–1.13", "1.13, 1.12–1.13", "1.14, 1.14–1.23", "1.23, 1.14–1.23", "1.24, 1.24+", "1.28, 1.24+"
  })
  void versionsMapToTheSpecificationsProfiles(String version, String label) {
    assertThat(Profile.of(IstioVersion.parse(version).orElseThrow()).label()).isEqualTo(label);
  }

  @ParameterizedTest(name = "{0}: global={1} autoSupported={2} autoDefault={3} pa={4} legacy={5} check={6} selector={7} splitMerge={8}")
  @CsvSource({
    "1.0, true, false, false, false, true, false, false, false",
    "1.1, false, false, false, false, true, false, false, false",
    "1.4, false, true, false, false, true, false, false, false",
    "1.5, false, true, true, true, true, false, false, false",
    "1.6, false, true, true, true, false, false, false, false",
    "1.12, false, true, true, true, false, true, false, false",
    "1.14, false, true, true, true, false, true, true, false",
    "1.24, false, true, true, true, false, true, true, true"
  })
  void featuresSwitchAtTheDocumentedReleases(
      String version, boolean global, boolean autoSupported, boolean autoDefault, boolean pa, boolean legacy,
      boolean check, boolean selector, boolean split) {
    Profile p = Profile.of(IstioVersion.parse(version).orElseThrow());
    assertThat(p.globalDestinationRules()).isEqualTo(global);
    assertThat(p.autoMtlsSupported()).isEqualTo(autoSupported);
    assertThat(p.autoMtlsDefault()).isEqualTo(autoDefault);
    assertThat(p.peerAuthentication()).isEqualTo(pa);
    assertThat(p.legacyAuthentication()).isEqualTo(legacy);
    assertThat(p.autoMtlsChecksEndpointPolicy()).isEqualTo(check);
    assertThat(p.destinationRuleWorkloadSelector()).isEqualTo(selector);
    assertThat(p.mergeOnlySameExportTo()).isEqualTo(split);
  }
}
