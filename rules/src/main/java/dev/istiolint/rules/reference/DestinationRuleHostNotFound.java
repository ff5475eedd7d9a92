package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.HostName;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.ServiceRegistry;

/** A DestinationRule's host matches no Service or ServiceEntry. */
@RuleInfo(
    id = "REF012",
    name = "destination-rule-host-not-found",
    severity = Severity.WARNING,
    summary = "A DestinationRule's host matches no Service or ServiceEntry, so its policy applies to nothing",
    istioCode = "IST0174",
    kinds = {"DestinationRule", "Service", "ServiceEntry"})
public final class DestinationRuleHostNotFound implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    ServiceRegistry registry = ServiceRegistry.of(ctx.mesh());
    if (registry.isEmpty()) {
      if (!ctx.mesh().destinationRules().isEmpty()) {
        ctx.notApplicable("the input has no Service or ServiceEntry, so DestinationRule hosts cannot be checked");
      }
      return;
    }
    for (DestinationRule dr : ctx.mesh().destinationRules()) {
      HostName host = dr.hostName();
      if (host.isWildcard()) {
        continue;
      }
      if (!registry.entriesFor(host).isEmpty()) {
        continue;
      }
      if (registry.anyWildcardMatches(host)) {
        continue;
      }
      ctx.report(
          dr,
          dr.host(),
          "host "
              + (host.value().equals(dr.host().value()) ? host.value() : dr.host().value() + " (" + host.value() + ")")
              + " matches no Service or ServiceEntry, so this DestinationRule applies to nothing; correct the host"
              + " or add the service");
    }
  }
}
