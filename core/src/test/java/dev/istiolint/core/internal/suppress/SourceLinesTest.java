package dev.istiolint.core.internal.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceLinesTest {

  private static List<String> split(String text) {
    return SourceLines.split(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void linesSplitOnLfCrlfAndCrWithAnEmptyLastLineAfterAFinalBreak() {
    assertThat(split("a: 1\nb: 2\r\nc: 3\rd\n")).containsExactly("a: 1", "b: 2", "c: 3", "d", "");
    assertThat(split("one")).containsExactly("one");
    assertThat(split("")).containsExactly("");
    assertThat(split("\n\n")).containsExactly("", "", "");
  }

  @Test
  void aByteOrderMarkIsDroppedAndInvalidUtf8BecomesAReplacementCharacter() {
    assertThat(split("\uFEFFkind: Service\n")).containsExactly("kind: Service", "");
    assertThat(SourceLines.split(new byte[] {'a', (byte) 0xff, '\n', 'b'})).containsExactly("a\uFFFD", "b");
  }

  @Test
  void theLinesAreImmutableAndKeptAsTheyAreByCopyOf() {
    List<String> lines = split("a\nb");
    assertThatThrownBy(() -> lines.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> lines.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(SourceLines.copyOf(lines)).isSameAs(lines);
    List<String> other = new ArrayList<>(List.of("x"));
    assertThat(SourceLines.copyOf(other)).isEqualTo(other).isNotSameAs(other);
    assertThat(lines).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
  }

  @Test
  void linesReadWhenUsedAreTheSameLinesAndImmutable() {
    for (String text : new String[] {"", "a", "a: 1\nb: 2\r\nc: 3\rd\n", "\uFEFFkind: Service\n", "x\n\n"}) {
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
      List<String> deferred = SourceLines.readWhenUsed(() -> {
        reads.incrementAndGet();
        return bytes;
      });
      assertThat(reads).as("nothing read before the lines are used").hasValue(0);
      assertThat(deferred).as(text).isEqualTo(SourceLines.split(bytes)).hasSize(SourceLines.split(bytes).size());
      assertThat(reads).as("read once").hasValue(1);
      assertThat(SourceLines.copyOf(deferred)).isSameAs(deferred);
      assertThatThrownBy(() -> deferred.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
    List<String> gone = SourceLines.readWhenUsed(() -> null);
    assertThat(gone).as("a file that changed or is gone has no lines").isEmpty();
    assertThat(SourceLines.line(java.util.Map.of("f", gone), dev.istiolint.core.source.SourceSpan.at("f", 3, 1))).isEmpty();
  }
}
