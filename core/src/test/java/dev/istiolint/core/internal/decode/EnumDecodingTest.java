package dev.istiolint.core.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.istiolint.core.model.AuthorizationPolicy;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.EnvoyFilter;
import dev.istiolint.core.model.LegacyMtlsMode;
import dev.istiolint.core.model.MtlsMode;
import dev.istiolint.core.model.ServerTlsMode;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.model.TlsMode;
import dev.istiolint.core.model.WasmPlugin;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnumDecodingTest {

  static Stream<Class<? extends Enum<?>>> vocabularies() {
    return Stream.of(
        TlsMode.class,
        ServerTlsMode.class,
        MtlsMode.class,
        LegacyMtlsMode.class,
        ServiceEntry.Location.class,
        ServiceEntry.Resolution.class,
        DestinationRule.LoadBalancerSimple.class,
        AuthorizationPolicy.Action.class,
        EnvoyFilter.ApplyTo.class,
        EnvoyFilter.PatchContext.class,
        EnvoyFilter.Operation.class,
        EnvoyFilter.FilterClass.class,
        WasmPlugin.Phase.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vocabularies")
  <E extends Enum<E>> void everyValueDecodesAndAnythingElseIsUnset(Class<E> type) {
    E[] values = type.getEnumConstants();
    E unset = values[0];
    assertThat(unset.name()).isEqualTo("UNSET");
    for (E e : values) {
      if (e != unset) {
        assertThat(NodeReader.enumValue(e.name(), values, unset)).isEqualTo(e);
        assertThat(NodeReader.enumValue(e.name().toLowerCase(java.util.Locale.ROOT), values, unset)).isEqualTo(unset);
      }
    }
    assertThat(NodeReader.enumValue("", values, unset)).isEqualTo(unset);
    assertThat(NodeReader.enumValue("UNSET", values, unset)).isEqualTo(unset);
    assertThat(NodeReader.enumValue("no such value", values, unset)).isEqualTo(unset);
  }
}
