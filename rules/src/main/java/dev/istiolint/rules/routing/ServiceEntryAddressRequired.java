package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Port;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Locale;
import java.util.Optional;

/** A ServiceEntry with a TCP (or unspecified) port and no addresses. */
@RuleInfo(
    id = "ROUTE011",
    name = "service-entry-address-required",
    severity = Severity.WARNING,
    summary = "A ServiceEntry has a TCP port but no addresses, so sidecars cannot tell its traffic apart",
    istioCode = "IST0134",
    kinds = {"ServiceEntry"})
public final class ServiceEntryAddressRequired implements LintRule {

  private static final String AUTO_ALLOCATE = "ISTIO_META_DNS_AUTO_ALLOCATE";

  @Override
  public void check(RuleContext ctx) {
    boolean autoAllocated =
        ctx.mesh().meshConfigs().stream()
            .anyMatch(
                mc ->
                    mc.proxyMetadata().containsKey(AUTO_ALLOCATE)
                        && mc.proxyMetadata().get(AUTO_ALLOCATE).value().equalsIgnoreCase("true"));
    if (autoAllocated) {
      return; // the DNS proxy gives every ServiceEntry host an address
    }
    for (ServiceEntry se : ctx.mesh().serviceEntries()) {
      if (!se.addresses().isEmpty() || !se.statusAddresses().isEmpty()) {
        continue; // written addresses, or addresses the control plane allocated (status of a cluster dump)
      }
      for (Port port : se.ports()) {
        Optional<Located<String>> protocol = port.protocol();
        String p = protocol.map(l -> l.value().strip().toUpperCase(Locale.ROOT)).orElse("");
        if (!p.isEmpty() && !p.equals("TCP")) {
          continue;
        }
        Located<?> at =
            protocol.isPresent()
                ? protocol.get()
                : port.number().isPresent() ? port.number().get() : Located.of("port", port.span());
        ctx.report(
            se,
            at,
            "port "
                + port.numberOrZero()
                + " is "
                + (p.isEmpty() ? "of unspecified protocol (TCP)" : "TCP")
                + " and the ServiceEntry has no addresses: sidecars match TCP traffic by destination IP and port,"
                + " so add spec.addresses, or enable DNS auto-allocation (ISTIO_META_DNS_AUTO_ALLOCATE)");
      }
    }
  }
}
