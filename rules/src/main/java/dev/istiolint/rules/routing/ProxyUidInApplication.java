package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.PodTemplate;
import dev.istiolint.core.model.PodTemplateOwner;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.Optional;

/** An application pod or container runs as UID 1337, the sidecar's UID, whose traffic bypasses the proxy. */
@RuleInfo(
    id = "ROUTE027",
    name = "application-runs-as-proxy-uid",
    severity = Severity.WARNING,
    summary = "An application container runs as UID 1337, the sidecar's user, so its traffic bypasses the proxy",
    istioCode = "IST0144",
    kinds = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "Pod"})
public final class ProxyUidInApplication implements LintRule {

  static final int PROXY_UID = 1337;

  @Override
  public void check(RuleContext ctx) {
    for (PodTemplateOwner owner : ctx.mesh().ofType(PodTemplateOwner.class)) {
      PodTemplate t = owner.template();
      Optional<Located<Integer>> at = t.runAsUser().filter(u -> u.value() == PROXY_UID);
      String where = "the pod securityContext";
      if (at.isEmpty()) {
        for (Container c : t.containers()) {
          if (c.name().value().equals("istio-proxy")) {
            continue;
          }
          Optional<Located<Integer>> u = c.runAsUser().filter(v -> v.value() == PROXY_UID);
          if (u.isPresent()) {
            at = u;
            where = "container " + c.name().value();
            break;
          }
        }
      }
      if (at.isPresent()) {
        ctx.report(
            owner,
            at.get(),
            "runAsUser "
                + PROXY_UID
                + " in "
                + where
                + " is the sidecar's UID: iptables lets traffic of that user bypass the proxy, so this"
                + " application's requests escape mTLS and policy; run it as another user");
      }
    }
  }
}
