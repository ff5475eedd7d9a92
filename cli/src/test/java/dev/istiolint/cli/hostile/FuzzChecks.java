package dev.istiolint.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;

/** What every finding must look like, whatever the input: a position, no internal error, a printable message. */
final class FuzzChecks {

  /** Messages echo values cut to about 200 characters; with the fixed words around them this is the most. */
  static final int MAX_MESSAGE = 1_000;

  private FuzzChecks() {}

  static void wellFormed(Diagnostic d) {
    assertThat(d.rule()).as("no internal error: %s", d.message()).isNotEqualTo(CoreRules.INTERNAL_ERROR);
    assertThat(d.span().startLine()).isPositive();
    assertThat(d.span().startColumn()).isPositive();
    assertThat(d.message().length()).as("message length: %s", d.message()).isLessThan(MAX_MESSAGE);
    assertThat(d.message().codePoints().filter(OutputContract::unsafe).count())
        .as("raw control or bidi characters in: %s", OutputContract.visible(d.message()))
        .isZero();
    assertThat(d.message().chars().filter(c -> Character.isSurrogate((char) c)).count()
            - 2 * d.message().codePoints().filter(cp -> cp > 0xFFFF).count())
        .as("unpaired surrogates in: %s", OutputContract.visible(d.message()))
        .isZero();
  }
}
