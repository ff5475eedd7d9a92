package dev.istiolint.core.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Reading a file whose size was taken a moment before: it may have grown or shrunk since. */
class ReadCappedTest {

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  @Test
  void aFileOfTheExpectedSizeIsReadWhole() throws IOException {
    byte[] content = bytes(1000);
    assertThat(SourceCollector.readCapped(new ByteArrayInputStream(content), 5000, 1000)).isEqualTo(content);
  }

  @Test
  void aFileThatShrankIsReadAsItIsNow() throws IOException {
    byte[] content = bytes(600);
    assertThat(SourceCollector.readCapped(new ByteArrayInputStream(content), 5000, 1000)).isEqualTo(content);
  }

  @Test
  void aFileThatGrewIsReadWholeUpToOneByteOverTheCap() throws IOException {
    byte[] content = bytes(3000);
    assertThat(SourceCollector.readCapped(new ByteArrayInputStream(content), 5000, 1000)).isEqualTo(content);
    byte[] huge = bytes(9000);
    byte[] read = SourceCollector.readCapped(new ByteArrayInputStream(huge), 5000, 1000);
    assertThat(read).hasSize(5001);
    byte[] exactlyCap = SourceCollector.readCapped(new ByteArrayInputStream(bytes(5001)), 5000, 5000);
    assertThat(exactlyCap).hasSize(5001);
  }

  @Test
  void anUnknownOrOversizedExpectationReadsTheGeneralWay() throws IOException {
    byte[] content = bytes(700);
    assertThat(SourceCollector.readCapped(new ByteArrayInputStream(content), 5000, 0)).isEqualTo(content);
    assertThat(SourceCollector.readCapped(new ByteArrayInputStream(content), 500, 7000)).hasSize(501);
  }
}
