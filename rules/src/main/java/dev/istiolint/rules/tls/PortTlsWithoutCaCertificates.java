package dev.istiolint.rules.tls;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.DestinationRule;
import dev.istiolint.core.model.DestinationRule.ClientTLSSettings;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;

/**
 * A {@code portLevelSettings} entry originates SIMPLE or MUTUAL TLS without {@code caCertificates}: the server
 * certificate is not verified on that port. Same exemption as TLS004.
 */
@RuleInfo(
    id = "TLS005",
    name = "port-tls-without-ca-certificates",
    severity = Severity.WARNING,
    summary = "A port-level TLS setting originates SIMPLE or MUTUAL TLS without caCertificates, so the server is not verified",
    istioCode = "IST0129",
    kinds = {"DestinationRule"})
public final class PortTlsWithoutCaCertificates implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (DestinationRule dr : ctx.mesh().destinationRules()) {
      if (dr.trafficPolicy().isEmpty()) {
        continue;
      }
      for (DestinationRule.PortTrafficPolicy p : dr.trafficPolicy().get().portLevelSettings()) {
        if (p.tls().isEmpty()) {
          continue;
        }
        ClientTLSSettings tls = p.tls().get();
        if (DestinationRuleTlsWithoutCaCertificates.unverified(dr, tls)) {
          String port = p.port().number().map(n -> String.valueOf(n.value())).orElse("?");
          ctx.report(
              dr,
              tls.mode(),
              "DestinationRule " + dr.namespace() + "/" + dr.name() + " uses tls mode " + tls.mode().value()
                  + " for port " + port + " of " + dr.host().value() + " without caCertificates, so the server"
                  + " certificate is not verified; set caCertificates (or credentialName together with a"
                  + " workloadSelector)");
        }
      }
    }
  }
}
