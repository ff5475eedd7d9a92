package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.ServiceEntry;
import dev.istiolint.core.model.ServiceEntry.Resolution;
import dev.istiolint.core.model.WorkloadEntry;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.regex.Pattern;

/** ServiceEntry endpoints that do not fit its resolution. */
@RuleInfo(
    id = "ROUTE028",
    name = "service-entry-endpoints-mismatch",
    severity = Severity.WARNING,
    summary = "A ServiceEntry's endpoints do not fit its resolution, so they are ignored or no endpoint exists",
    kinds = {"ServiceEntry"})
public final class ServiceEntryEndpointsMismatch implements LintRule {

  private static final Pattern IP = Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$");

  @Override
  public void check(RuleContext ctx) {
    for (ServiceEntry se : ctx.mesh().serviceEntries()) {
      Located<Resolution> resolution = se.resolution();
      switch (resolution.value()) {
        case NONE -> {
          if (!se.endpoints().isEmpty()) {
            ctx.report(
                se,
                resolution,
                "resolution NONE forwards to the original destination address, so the "
                    + se.endpoints().size()
                    + " endpoint(s) are ignored; use resolution STATIC (IP endpoints) or DNS (host name endpoints)");
          }
        }
        case STATIC -> {
          if (se.endpoints().isEmpty() && se.workloadSelector().isEmpty()) {
            ctx.report(
                se,
                resolution,
                "resolution STATIC takes its addresses from endpoints or a workloadSelector, and there are none, so"
                    + " requests have no endpoint (503); add endpoints, or use resolution DNS");
          }
          for (WorkloadEntry.Spec e : se.endpoints()) {
            if (e.address().isPresent() && !isIp(e.address().get().value())) {
              ctx.report(
                  se,
                  e.address().get(),
                  "endpoint address "
                      + e.address().get().value()
                      + " is a host name, which resolution STATIC does not resolve; use its IP address or resolution"
                      + " DNS");
            }
          }
        }
        case DNS_ROUND_ROBIN -> {
          if (se.endpoints().size() > 1) {
            ctx.report(
                se,
                resolution,
                "resolution DNS_ROUND_ROBIN uses a single endpoint but "
                    + se.endpoints().size()
                    + " are listed; keep one, or use resolution DNS");
          }
        }
        default -> {
          // DNS accepts IP and host name endpoints; UNSET is reported by schema validation
        }
      }
    }
  }

  private static boolean isIp(String address) {
    String a = address.startsWith("unix://") ? "0.0.0.0" : address;
    return IP.matcher(a).matches();
  }
}
