package dev.istiolint.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortProtocolTest {

  @ParameterizedTest
  @CsvSource({
    "http, HTTP",
    "http-web, HTTP",
    "HTTP2, HTTP2",
    "grpc-web, GRPC-WEB",
    "grpc-api, GRPC",
    "tcp-db, TCP",
    "tls, TLS",
    "mysql, MYSQL",
  })
  void portNamesWithAKnownPrefixHaveThatProtocol(String name, String protocol) {
    assertThat(PortProtocol.fromName(name)).contains(protocol);
  }

  @ParameterizedTest
  @CsvSource({"web", "metrics", "''", "httpx", "admin-http"})
  void otherPortNamesHaveNone(String name) {
    assertThat(PortProtocol.fromName(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "https, web, TCP, HTTPS",
    ", http, TCP, HTTP",
    ", web, UDP, UDP",
    ", web, , TCP",
    "kubernetes.io/h2c, web, TCP, HTTP2",
  })
  void appProtocolWinsThenTheNameThenTheKubernetesProtocol(
      String appProtocol, String name, String k8s, String expected) {
    assertThat(PortProtocol.effective(Optional.ofNullable(appProtocol), name, Optional.ofNullable(k8s)))
        .isEqualTo(expected);
  }
}
