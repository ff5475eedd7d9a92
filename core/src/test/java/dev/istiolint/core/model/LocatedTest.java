package dev.istiolint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocatedTest {

  /** The record Located replaced, as the reference for equality, hash code and text. */
  private record Before<T>(T value, SourceSpan span) {}

  private static final List<SourceSpan> SPANS =
      List.of(
          new SourceSpan("a.yaml", 1, 1, 1, 1),
          new SourceSpan("a.yaml", 3, 7, 3, 19),
          new SourceSpan("dir/b.yaml", 120, 5, 140, 2),
          new SourceSpan("a.yaml", (1 << 24) - 1, (1 << 14) - 1, (1 << 24) - 1 + 1023, (1 << 15) - 1),
          new SourceSpan("a.yaml", 1 << 24, 1, 1 << 24, 1),
          new SourceSpan("a.yaml", 2, 1 << 14, 2, 1 << 14),
          new SourceSpan("a.yaml", 2, 1, 2 + 1024, 1),
          new SourceSpan("a.yaml", 2, 1, 2, 1 << 15),
          new SourceSpan("a.yaml", Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));

  @Test
  void theSpanComesBackAsGivenWhetherItsPositionsArePackedOrNot() {
    for (SourceSpan s : SPANS) {
      assertThat(Located.of("v", s).span()).isEqualTo(s);
      assertThat(Located.of("v", s).value()).isEqualTo("v");
    }
  }

  @Test
  void equalityHashCodeAndTextAreThoseOfTheRecordItReplaced() {
    for (SourceSpan s : SPANS) {
      Located<String> l = Located.of("host", s);
      Before<String> r = new Before<>("host", s);
      assertThat(l.hashCode()).isEqualTo(r.hashCode());
      assertThat(l.toString()).isEqualTo(r.toString().replace("Before[", "Located["));
      assertThat(l).isEqualTo(Located.of(new String("host"), s.withFile(new String(s.file()))));
      for (SourceSpan other : SPANS) {
        assertThat(l.equals(Located.of("host", other))).isEqualTo(s.equals(other));
      }
      assertThat(l).isNotEqualTo(Located.of("other", s)).isNotEqualTo(Located.of(7, s)).isNotEqualTo(s);
    }
  }
}
