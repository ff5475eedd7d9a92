package dev.istiolint.rules.config;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.Webhook;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** An Istio webhook that reaches the external control plane by IP address. */
@RuleInfo(
    id = "SCHEMA103",
    name = "external-control-plane-ip-address",
    severity = Severity.INFO,
    summary = "An Istio webhook reaches the external control plane by IP address instead of a host name",
    istioCode = "IST0164",
    kinds = {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"})
public final class ExternalControlPlaneIpAddress implements LintRule {

  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

  @Override
  public void check(RuleContext ctx) {
    for (Map.Entry<Resource, List<Webhook>> e : IstioWebhooks.of(ctx.mesh()).entrySet()) {
      for (Webhook w : e.getValue()) {
        Optional<String> host = w.url().flatMap(ExternalControlPlaneIpAddress::host);
        if (host.isPresent() && isIp(host.get())) {
          Located<String> url = w.url().get();
          ctx.report(
              e.getKey(),
              url,
              "webhook "
                  + w.name().value()
                  + " calls the control plane at IP address "
                  + host.get()
                  + "; the istiod certificate is issued for a host name, so use a DNS name that resolves to it");
          break;
        }
      }
    }
  }

  private static Optional<String> host(Located<String> url) {
    try {
      return Optional.ofNullable(new URI(url.value().strip()).getHost());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean isIp(String host) {
    return IPV4.matcher(host).matches() || host.startsWith("[") || host.contains(":");
  }
}
