package dev.istiolint.core.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictMatrixTest {

  static Stream<Arguments> matrix() {
    return Stream.of(
        // client, server, origination dropped, TLS-typed port, external -> verdict (tls-semantics §6.2)
        Arguments.of(ClientTls.DISABLE, ServerMtls.STRICT, false, false, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.DISABLE, ServerMtls.PERMISSIVE, false, false, false, Verdict.INSECURE),
        Arguments.of(ClientTls.DISABLE, ServerMtls.DISABLE, false, false, false, Verdict.OK),
        Arguments.of(ClientTls.DISABLE, ServerMtls.NONE, false, false, false, Verdict.OK),
        Arguments.of(ClientTls.DISABLE, ServerMtls.NONE, true, false, true, Verdict.CONFLICT),
        Arguments.of(ClientTls.ISTIO_MUTUAL, ServerMtls.STRICT, false, false, false, Verdict.OK),
        Arguments.of(ClientTls.ISTIO_MUTUAL, ServerMtls.PERMISSIVE, false, false, false, Verdict.OK),
        Arguments.of(ClientTls.ISTIO_MUTUAL, ServerMtls.DISABLE, false, false, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.ISTIO_MUTUAL, ServerMtls.NONE, false, false, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.ISTIO_MUTUAL, ServerMtls.NONE, false, false, true, Verdict.CONFLICT),
        Arguments.of(ClientTls.SIMPLE, ServerMtls.STRICT, false, true, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.SIMPLE, ServerMtls.PERMISSIVE, false, false, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.SIMPLE, ServerMtls.PERMISSIVE, false, true, false, Verdict.OK),
        Arguments.of(ClientTls.SIMPLE, ServerMtls.DISABLE, false, false, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.SIMPLE, ServerMtls.NONE, false, false, true, Verdict.OK),
        Arguments.of(ClientTls.SIMPLE, ServerMtls.NONE, false, false, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.MUTUAL, ServerMtls.STRICT, false, false, false, Verdict.CONFLICT),
        Arguments.of(ClientTls.MUTUAL, ServerMtls.NONE, false, false, true, Verdict.OK));
  }

  @ParameterizedTest(name = "{0} -> {1} (dropped={2}, tlsPort={3}, external={4}): {5}")
  @MethodSource("matrix")
  void verdictFollowsTheCompatibilityMatrix(
      ClientTls client, ServerMtls server, boolean dropped, boolean tlsPort, boolean external, Verdict expected) {
    assertThat(VerdictMatrix.of(client, server, dropped, tlsPort, external)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} worst {1} = {2}")
  @MethodSource("worst")
  void theWorstVerdictWins(Verdict a, Verdict b, Verdict expected) {
    assertThat(a.worst(b)).isEqualTo(expected);
  }

  static Stream<Arguments> worst() {
    return Stream.of(
        Arguments.of(Verdict.OK, Verdict.INSECURE, Verdict.INSECURE),
        Arguments.of(Verdict.CONFLICT, Verdict.INSECURE, Verdict.CONFLICT),
        Arguments.of(Verdict.OK, Verdict.OK, Verdict.OK));
  }
}
