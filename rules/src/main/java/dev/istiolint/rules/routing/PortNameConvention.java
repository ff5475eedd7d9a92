package dev.istiolint.rules.routing;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Service;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.PortProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Service port is neither named {@code <protocol>[-<suffix>]} nor has an {@code appProtocol}. */
@RuleInfo(
    id = "ROUTE013",
    name = "port-name-convention",
    severity = Severity.INFO,
    summary = "A Service port name does not follow the <protocol>[-<suffix>] convention and has no appProtocol",
    istioCode = "IST0118",
    kinds = {"Service"})
public final class PortNameConvention implements LintRule {

  private static final Set<String> SYSTEM_NAMESPACES =
      Set.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage");

  @Override
  public void check(RuleContext ctx) {
    for (Service svc : ctx.mesh().services()) {
      if (skipped(svc)) {
        continue;
      }
      for (Service.ServicePort port : svc.ports()) {
        if (port.appProtocol().isPresent()) {
          continue;
        }
        String name = port.nameOrEmpty();
        if (PortProtocol.fromName(name).isPresent()) {
          continue;
        }
        if (port.name().isPresent()) {
          ctx.report(
              svc,
              port.name().get(),
              "port "
                  + port.port().value()
                  + " is named "
                  + name
                  + ", which names no protocol Istio knows; name it <protocol>[-<suffix>] (for example "
                  + suggestion(name)
                  + ") or set appProtocol");
        } else {
          ctx.report(
              svc,
              port.port(),
              "port "
                  + port.port().value()
                  + " has no name, so Istio cannot tell its protocol; name it <protocol>[-<suffix>] (for example"
                  + " http or tcp-"
                  + port.port().value()
                  + ") or set appProtocol");
        }
      }
    }
  }

  /**
   * A conforming name close to {@code name}: a protocol word already in it moves to the front
   * ({@code jaeger-collector-grpc} becomes {@code grpc-jaeger-collector}), otherwise {@code http-} is put before it.
   */
  static String suggestion(String name) {
    List<String> parts = new ArrayList<>(List.of(name.split("-")));
    for (int i = 0; i < parts.size(); i++) {
      if (!parts.get(i).isEmpty() && PortProtocol.fromName(parts.get(i)).isPresent()) {
        String protocol = parts.remove(i);
        parts.removeIf(String::isEmpty);
        return parts.isEmpty() ? protocol : protocol + "-" + String.join("-", parts);
      }
    }
    return "http-" + name;
  }

  static boolean skipped(Service svc) {
    if (SYSTEM_NAMESPACES.contains(svc.namespace())) {
      return true;
    }
    if (svc.type().value() == Service.Type.EXTERNAL_NAME) {
      return true;
    }
    if (svc.metadata().label("istio").isPresent()
        || svc.metadata().label("release").filter("istio"::equals).isPresent()
        || svc.metadata().label("gateway.istio.io/managed").isPresent()) {
      return true;
    }
    return false;
  }
}
