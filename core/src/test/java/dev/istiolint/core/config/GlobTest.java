package dev.istiolint.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void starStaysWithinOneSegmentAndDoubleStarCrossesThem() {
    assertThat(new Glob("apps/*.yaml").matches("apps/a.yaml")).isTrue();
    assertThat(new Glob("apps/*.yaml").matches("apps/x/a.yaml")).isFalse();
    assertThat(new Glob("apps/**/*.yaml").matches("apps/x/y/a.yaml")).isTrue();
    assertThat(new Glob("apps/**/*.yaml").matches("apps/a.yaml")).isTrue();
    assertThat(new Glob("a?.yaml").matches("ab.yaml")).isTrue();
  }

  @Test
  void aGlobWithoutSlashMatchesAtAnyDepth() {
    assertThat(new Glob("*.tpl.yaml").matches("charts/x/templates/a.tpl.yaml")).isTrue();
    assertThat(new Glob("*.tpl.yaml").matches("a.yaml")).isFalse();
  }

  @Test
  void aFolderPatternMatchesEverythingUnderIt() {
    assertThat(new Glob("vendor").matches("vendor/a/b.yaml")).isTrue();
    assertThat(new Glob("vendor/**").matches("vendor/a/b.yaml")).isTrue();
    assertThat(new Glob("vendor/").matches("vendor/b.yaml")).isTrue();
    assertThat(new Glob("vendor").matches("vendors/b.yaml")).isFalse();
  }

  @Test
  void regexCharactersAreLiteralAndDotSlashIsIgnored() {
    assertThat(new Glob("a+b(1).yaml").matches("a+b(1).yaml")).isTrue();
    assertThat(new Glob("./apps/*.yaml").matches("apps/a.yaml")).isTrue();
    assertThat(new Glob("apps/*.yaml").matches("./apps/a.yaml")).isTrue();
  }
}
