package dev.istiolint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HostNameTest {

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource({
    "httpbin, foo, httpbin.foo.svc.cluster.local",
    "'*', foo, '*'",
    "httpbin.foo, foo, httpbin.foo",
    "httpbin.foo.svc, bar, httpbin.foo.svc",
    "httpbin.foo.svc.cluster.local, bar, httpbin.foo.svc.cluster.local",
    "*.local, foo, *.local",
    "10.0.0.1, foo, 10.0.0.1",
    "'::1', foo, '::1'",
    "'2001:db8::1', foo, '2001:db8::1'",
    "reviews, bar, reviews.bar.svc.cluster.local",
  })
  void expandsShortNamesInTheResourceNamespaceOnly(String host, String ns, String expected) {
    assertThat(HostName.expand(host, ns).value()).isEqualTo(expected);
  }

  @Test
  void aHexLookingNameWithoutColonIsExpanded() {
    assertThat(HostName.expand("cafe", "foo").value()).isEqualTo("cafe.foo.svc.cluster.local");
    assertThat(HostName.isIpLiteral("1.2.3")).isFalse();
    assertThat(HostName.isIpLiteral("256.1.1.1")).isFalse();
    assertThat(HostName.expand("", "foo").value()).isEmpty();
    assertThat(HostName.of("").matches(HostName.of("a.foo.svc.cluster.local"))).isFalse();
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "httpbin.foo.svc.cluster.local, httpbin.foo.svc.cluster.local, true",
    "httpbin.foo.svc.cluster.local, httpbin.bar.svc.cluster.local, false",
    "*.foo.svc.cluster.local, httpbin.foo.svc.cluster.local, true",
    "*.local, httpbin.foo.svc.cluster.local, true",
    "*.svc.cluster.local, httpbin.foo.svc.cluster.local, true",
    "'*', www.example.com, true",
    "*.foo.com, foo.com, false",
    "*.foo.com, a.foo.com, true",
    "httpbin.foo, httpbin.foo.svc.cluster.local, false",
    "*.example.com, *.example.com, true",
    "*.com, *.example.com, true",
    "*.a.example.com, *.example.com, false",
    "www.example.com, *.example.com, false",
  })
  void matchesLikeModernIstio(String config, String service, boolean expected) {
    assertThat(HostName.of(config).matches(HostName.of(service))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "1.0: {0} ~ {1}: {2}")
  @CsvSource({
    "*.example.com, www.example.com, true",
    "www.example.com, *.example.com, true",
    "*.example.com, *.com, true",
    "*.com, *.example.com, true",
    "a.com, b.com, false",
    "'*', anything.local, true",
  })
  void matchesSymmetricallyLikeIstio10(String a, String b, boolean expected) {
    assertThat(HostName.of(a).matchesSymmetric(HostName.of(b))).isEqualTo(expected);
  }

  static Stream<Arguments> specificity() {
    return Stream.of(
        Arguments.of(
            "httpbin.foo.svc.cluster.local",
            List.of("*", "*.local", "*.svc.cluster.local", "httpbin.foo.svc.cluster.local"),
            "httpbin.foo.svc.cluster.local"),
        Arguments.of(
            "httpbin.foo.svc.cluster.local",
            List.of("*", "*.local", "*.svc.cluster.local", "*.foo.svc.cluster.local"),
            "*.foo.svc.cluster.local"),
        Arguments.of("httpbin.foo.svc.cluster.local", List.of("*", "*.local"), "*.local"),
        Arguments.of("httpbin.legacy.svc.cluster.local", List.of("*.foo.svc.cluster.local"), ""),
        Arguments.of("*.example.com", List.of("*.com", "*.example.com", "*"), "*.example.com"),
        Arguments.of("*.example.com", List.of("*.com", "*"), "*.com"),
        Arguments.of("www.example.com", List.of("*.b.com", "*.a.com", "*"), "*"));
  }

  @ParameterizedTest(name = "{0} among {1} -> {2}")
  @MethodSource("specificity")
  void picksTheMostSpecificMatch(String service, List<String> candidates, String expected) {
    var result =
        HostName.mostSpecificMatch(HostName.of(service), candidates.stream().map(HostName::of).toList());
    assertThat(result.map(HostName::value).orElse("")).isEqualTo(expected);
  }

  @Test
  void ordersExactBeforeLongerWildcardBeforeShorterWildcardAndTiesLexicographically() {
    List<HostName> hosts =
        Stream.of("*", "*.b.local", "*.a.local", "x.foo.svc.cluster.local", "*.local")
            .map(HostName::of)
            .sorted(HostName.MOST_SPECIFIC_FIRST)
            .toList();
    assertThat(hosts).extracting(HostName::value)
        .containsExactly("x.foo.svc.cluster.local", "*.a.local", "*.b.local", "*.local", "*");
  }

  @Test
  void symmetricVariantAlsoPicksMostSpecific() {
    var r =
        HostName.mostSpecificMatchSymmetric(
            HostName.of("httpbin.foo.svc.cluster.local"), List.of(HostName.of("*.local"), HostName.of("*")));
    assertThat(r).contains(HostName.of("*.local"));
  }

  @Test
  void knowsKubernetesServiceNames() {
    assertThat(HostName.serviceFqdn("a", "b").isKubernetesService()).isTrue();
    assertThat(HostName.of("www.example.com").isKubernetesService()).isFalse();
    assertThat(HostName.of("*.svc.cluster.local").isWildcard()).isTrue();
  }
}
