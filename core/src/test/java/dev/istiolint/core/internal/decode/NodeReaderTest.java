package dev.istiolint.core.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeReaderTest {

  @Test
  void portsAndOtherSmallNumbersReadAsOneSharedObjectEach() {
    for (String port : new String[] {"0", "80", "8080", "15020", "65535"}) {
      Integer first = NodeReader.parseInt(port).orElseThrow();
      assertThat(NodeReader.parseInt(new String(port)).orElseThrow()).isSameAs(first).isEqualTo(Integer.parseInt(port));
    }
  }

  @Test
  void numbersOutsideTheSharedRangeStillReadCorrectly() {
    assertThat(NodeReader.parseInt("65536")).contains(65536);
    assertThat(NodeReader.parseInt("-1")).contains(-1);
    assertThat(NodeReader.parseInt("2147483647")).contains(Integer.MAX_VALUE);
    assertThat(NodeReader.parseInt("2147483648")).isEmpty();
    assertThat(NodeReader.parseInt("80a")).isEmpty();
  }
}
