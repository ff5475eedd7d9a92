package dev.istiolint.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectationsTest {

  private static Diagnostic finding(RuleMeta rule, int line, String message) {
    return new Diagnostic(
        rule, rule.defaultSeverity(), message, SourceSpan.at("f.yaml", line, 3), Optional.empty(), List.of());
  }

  @Test
  void readsTrailingExpectationsWithIdsAndQuotedFragments() {
    Expectations e =
        Expectations.parseComments(
            "a: 1 # expect: SCHEMA001\n"
                + "b: 2 # expect: SCHEMA003 \"did you mean `X`?\", SCHEMA008 \"a, b \\\"c\\\"\"\n"
                + "c: \"# expect: not a comment\"\n");
    assertThat(e.malformed()).isEmpty();
    assertThat(e.expectations())
        .containsExactly(
            new Expectations.Expectation(1, "SCHEMA001", Optional.empty()),
            new Expectations.Expectation(2, "SCHEMA003", Optional.of("did you mean `X`?")),
            new Expectations.Expectation(2, "SCHEMA008", Optional.of("a, b \"c\"")));
  }

  @Test
  void nextLineExpectationsSkipBlankAndCommentLines() {
    Expectations e =
        Expectations.parseComments("# expect-next-line: TLS001 \"x\"\n\n# other comment\nkey: value\n");
    assertThat(e.malformed()).isEmpty();
    assertThat(e.expectations()).containsExactly(new Expectations.Expectation(4, "TLS001", Optional.of("x")));
  }

  @Test
  void flagsMalformedExpectationComments() {
    Expectations e =
        Expectations.parseComments(
            "a: 1 # expect: schema001\n"
                + "b: 1 # expects: SCHEMA001\n"
                + "# expect: SCHEMA001\n"
                + "c: 1 # expect-next-line: SCHEMA001\n"
                + "d: 1 # expect:\n");
    assertThat(e.malformed()).hasSize(5);
  }

  @Test
  void readsJsonSidecarLines() {
    Expectations e = Expectations.parseSidecar("# comment\n\n6 SCHEMA003 \"STRICT\"\n7 SCHEMA008\nbad line\n");
    assertThat(e.expectations())
        .containsExactly(
            new Expectations.Expectation(6, "SCHEMA003", Optional.of("STRICT")),
            new Expectations.Expectation(7, "SCHEMA008", Optional.empty()));
    assertThat(e.malformed()).hasSize(1);
  }

  @Test
  void comparesStrictlyInBothDirections() {
    Expectations e = Expectations.parseComments("a: 1 # expect: SCHEMA001 \"lables\"\nb: 2\n");
    assertThat(e.compare(List.of(finding(CoreRules.SCHEMA_UNKNOWN_FIELD, 1, "unknown field `lables`")))).isEmpty();
    assertThat(e.compare(List.of(finding(CoreRules.SCHEMA_UNKNOWN_FIELD, 1, "unknown field `other`"))))
        .hasValueSatisfying(d -> assertThat(d).contains("expected but not found").contains("unexpected finding"));
    assertThat(
            e.compare(
                List.of(
                    finding(CoreRules.SCHEMA_UNKNOWN_FIELD, 1, "unknown field `lables`"),
                    finding(CoreRules.SCHEMA_WRONG_TYPE, 2, "wrong"))))
        .hasValueSatisfying(d -> assertThat(d).contains("unexpected finding: f.yaml:2:3"));
  }
}
