package dev.istiolint.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  private static final String VALUES =
      "{\"certmanager\":{\"hub\":\"quay.io/jetstack\",\"tag\":\"v0.6.2\"},"
          + "\"global\":{\"arch\":{\"amd64\":2},\"hub\":\"docker.io/istio\",\"proxy\":{\"image\":\"proxyv2\"},"
          + "\"proxy_init\":{\"image\":\"proxy-init\"},\"tag\":\"1.28.0\",\"note\":\"a \\\"quoted\\\" {brace}\"}}";

  @Test
  void readsTopLevelFieldsOfNestedObjectsOnly() {
    String global = JsonText.object(VALUES, "global").orElseThrow();
    assertThat(JsonText.string(global, "hub")).contains("docker.io/istio");
    assertThat(JsonText.string(global, "tag")).contains("1.28.0");
    assertThat(JsonText.object(global, "proxy").flatMap(p -> JsonText.string(p, "image"))).contains("proxyv2");
  }

  @Test
  void ignoresKeysOfOtherObjectsAndInsideStrings() {
    assertThat(JsonText.string(VALUES, "hub")).isEmpty();
    assertThat(JsonText.object(VALUES, "missing")).isEmpty();
    String global = JsonText.object(VALUES, "global").orElseThrow();
    assertThat(JsonText.string(global, "image")).isEmpty();
  }
}
