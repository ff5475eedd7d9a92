package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.DestinationRule.ClientTLSSettings;
import dev.istiolint.core.model.TlsMode;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Optional;

/**
 * A DestinationRule originates SIMPLE or MUTUAL TLS at the top level without {@code caCertificates}: the server
 * certificate is not verified. Istio exempts rules with {@code credentialName} and a {@code workloadSelector}.
 */
@RuleInfo(
    id = "TLS004",
    name = "destination-rule-tls-without-ca-certificates",
    severity = Severity.WARNING,
    summary = "A DestinationRule originates SIMPLE or MUTUAL TLS without caCertificates, so the server is not verified",
    istioCode = "IST0128",
    kinds = {"DestinationRule"})
public final class DestinationRuleTlsWithoutCaCertificates implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (DestinationRule dr : ctx.mesh().destinationRules()) {
      Optional<ClientTLSSettings> tls = dr.trafficPolicy().flatMap(DestinationRule.TrafficPolicy::tls);
      if (tls.isPresent() && unverified(dr, tls.get())) {
        ctx.report(
            dr,
            tls.get().mode(),
            "DestinationRule " + dr.namespace() + "/" + dr.name() + " uses tls mode " + tls.get().mode().value()
                + " for " + dr.host().value() + " without caCertificates, so the server certificate is not verified;"
                + " set caCertificates (or credentialName together with a workloadSelector)");
      }
    }
  }

  /** SIMPLE or MUTUAL without caCertificates, unless credentialName is set and the rule has a workloadSelector. */
  static boolean unverified(DestinationRule dr, ClientTLSSettings tls) {
    TlsMode mode = tls.mode().value();
    if (mode != TlsMode.SIMPLE && mode != TlsMode.MUTUAL) {
      return false;
    }
    if (tls.caCertificates().filter(c -> !c.value().isEmpty()).isPresent()) {
      return false;
    }
    boolean selector = dr.workloadSelector().map(s -> !s.isEmpty()).orElse(false);
    return !(tls.credentialName().isPresent() && selector);
  }
}
