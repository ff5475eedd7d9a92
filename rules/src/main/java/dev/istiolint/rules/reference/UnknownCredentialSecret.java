package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayWorkloads;
import java.util.List;
import java.util.TreeSet;

/** A Gateway server's credentialName names no Secret in the gateway workload's namespace. */
@RuleInfo(
    id = "REF006",
    name = "unknown-credential-secret",
    severity = Severity.ERROR,
    summary = "A Gateway's credentialName names no Secret in the namespace of the gateway workload",
    istioCode = "IST0101",
    kinds = {"Gateway", "Secret", "Deployment", "Pod"})
public final class UnknownCredentialSecret implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    boolean anySecret = !ctx.mesh().ofKind("Secret").isEmpty();
    if (!anySecret) {
      if (ctx.mesh().gateways().stream().anyMatch(UnknownCredentialSecret::usesCredential)) {
        ctx.notApplicable("the input has no Secret objects, so credentialName references cannot be checked");
      }
      return;
    }
    for (Gateway gw : ctx.mesh().gateways()) {
      List<Workload> workloads = GatewayWorkloads.selectedBy(ctx.mesh(), gw);
      if (workloads.isEmpty()) {
        continue; // REF005 reports the selector
      }
      TreeSet<String> namespaces = new TreeSet<>();
      workloads.forEach(w -> namespaces.add(w.namespace()));
      for (Gateway.Server server : gw.servers()) {
        if (server.tls().isEmpty() || server.tls().get().credentialName().isEmpty()) {
          continue;
        }
        Located<String> credential = server.tls().get().credentialName().get();
        String name = credential.value();
        if (name.isBlank() || name.contains("://")) {
          continue; // SDS URIs such as kubernetes://ns/name are not Secret names
        }
        boolean found =
            namespaces.stream().anyMatch(ns -> ctx.mesh().byId(new ResourceId("Secret", ns, name)).isPresent());
        if (!found) {
          ctx.report(
              gw,
              credential,
              "credentialName "
                  + name
                  + " names no Secret in namespace "
                  + String.join(", ", namespaces)
                  + ", where the gateway workload runs; gateways read TLS Secrets from their own namespace, not"
                  + " the Gateway's");
        }
      }
    }
  }

  private static boolean usesCredential(Gateway gw) {
    return gw.servers().stream().anyMatch(s -> s.tls().flatMap(t -> t.credentialName()).isPresent());
  }
}
