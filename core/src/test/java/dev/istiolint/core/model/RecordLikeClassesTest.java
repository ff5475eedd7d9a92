package dev.istiolint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model classes that replaced records behave as those records did: equality, hash code, text, accessors. */
class RecordLikeClassesTest {

  private record DestinationRecord(
      Located<String> host, Optional<Located<String>> subset, Optional<Located<Integer>> port, SourceSpan span) {}

  private record ObjectMetaRecord(
      Located<String> name,
      Optional<Located<String>> namespace,
      Map<String, Located<String>> labels,
      Map<String, Located<String>> annotations,
      Optional<String> creationTimestamp) {}

  private record TrafficPolicyRecord(
      Optional<DestinationRule.ClientTLSSettings> tls,
      Optional<SourceSpan> connectionPool,
      Optional<SourceSpan> outlierDetection,
      Optional<DestinationRule.LoadBalancerSettings> loadBalancer,
      List<DestinationRule.PortTrafficPolicy> portLevelSettings,
      Optional<SourceSpan> tunnel,
      Optional<SourceSpan> proxyProtocol,
      SourceSpan span) {}

  private static final SourceSpan AT = new SourceSpan("a.yaml", 4, 5, 6, 7);
  private static final SourceSpan FAR = new SourceSpan("a.yaml", 1 << 25, 3, 1 << 25, 9);

  private static <T> Located<T> at(T v, int line) {
    return Located.of(v, new SourceSpan("a.yaml", line, 3, line, 10));
  }

  private static void sameAsRecord(Object object, Object record, Object equal, Object different) {
    assertThat(object.hashCode()).isEqualTo(record.hashCode());
    String recordName = record.getClass().getSimpleName();
    String name = object.getClass().getSimpleName();
    assertThat(object.toString()).isEqualTo(name + record.toString().substring(recordName.length()));
    assertThat(object).isEqualTo(equal).hasSameHashCodeAs(equal).isNotEqualTo(different);
  }

  @Test
  void aDestinationIsTheRecordItWas() {
    for (SourceSpan span : List.of(AT, FAR)) {
      for (Optional<Located<String>> subset : List.of(Optional.<Located<String>>empty(), Optional.of(at("v1", 3)))) {
        VirtualService.Destination d =
            new VirtualService.Destination(at("reviews", 2), subset, Optional.of(at(8080, 4)), span);
        assertThat(d.span()).isEqualTo(span);
        assertThat(d.subset()).isEqualTo(subset);
        sameAsRecord(
            d,
            new DestinationRecord(at("reviews", 2), subset, Optional.of(at(8080, 4)), span),
            new VirtualService.Destination(at("reviews", 2), subset, Optional.of(at(8080, 4)), span),
            new VirtualService.Destination(at("reviews", 2), subset, Optional.empty(), span));
      }
    }
  }

  @Test
  void objectMetaIsTheRecordItWas() {
    ObjectMeta m =
        new ObjectMeta(at("web", 2), Optional.of(at("prod", 3)), Map.of("app", at("web", 5)), Map.of(), Optional.empty());
    sameAsRecord(
        m,
        new ObjectMetaRecord(
            at("web", 2), Optional.of(at("prod", 3)), Map.of("app", at("web", 5)), Map.of(), Optional.empty()),
        new ObjectMeta(at("web", 2), Optional.of(at("prod", 3)), Map.of("app", at("web", 5)), Map.of(), Optional.empty()),
        new ObjectMeta(at("web", 2), Optional.empty(), Map.of("app", at("web", 5)), Map.of(), Optional.empty()));
    assertThat(m.namespace()).contains(at("prod", 3));
    assertThat(m.creationTimestamp()).isEmpty();
  }

  @Test
  void aTrafficPolicyIsTheRecordItWas() {
    DestinationRule.TrafficPolicy p =
        new DestinationRule.TrafficPolicy(
            Optional.empty(), Optional.of(AT), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), FAR);
    sameAsRecord(
        p,
        new TrafficPolicyRecord(
            Optional.empty(), Optional.of(AT), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), FAR),
        new DestinationRule.TrafficPolicy(
            Optional.empty(), Optional.of(AT), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), FAR),
        new DestinationRule.TrafficPolicy(
            Optional.empty(), Optional.empty(), Optional.of(AT), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), FAR));
    assertThat(p.connectionPool()).contains(AT);
    assertThat(p.span()).isEqualTo(FAR);
  }
}
