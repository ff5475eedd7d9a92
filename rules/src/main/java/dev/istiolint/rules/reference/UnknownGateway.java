package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.VirtualService;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayReference;

/** A VirtualService binds to a gateway that is not defined. */
@RuleInfo(
    id = "REF001",
    name = "unknown-gateway",
    severity = Severity.ERROR,
    summary = "A VirtualService names a gateway that no Gateway defines, so its routes are never served there",
    istioCode = "IST0101",
    kinds = {"VirtualService", "Gateway"})
public final class UnknownGateway implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (VirtualService vs : ctx.mesh().virtualServices()) {
      for (Located<String> written : vs.gateways()) {
        GatewayReference ref = GatewayReference.parse(written, vs.namespace());
        if (ref.isMesh() || ref.isInternal()) {
          continue;
        }
        if (ctx.mesh().byId(new ResourceId("Gateway", ref.namespace(), ref.name())).isEmpty()) {
          ctx.report(
              vs,
              written,
              "gateway "
                  + ref.qualified()
                  + " is not defined; write namespace/name for a Gateway in another namespace, or add the Gateway");
        }
      }
    }
  }
}
