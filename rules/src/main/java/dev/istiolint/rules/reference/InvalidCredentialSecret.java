package dev.istiolint.rules.reference;

import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.Gateway;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.Secret;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import dev.istiolint.rules.internal.GatewayWorkloads;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The Secret a Gateway's credentialName names lacks the certificate keys, or holds an unreadable or expired one. */
@RuleInfo(
    id = "REF017",
    name = "invalid-credential-secret",
    severity = Severity.ERROR,
    summary = "The TLS Secret of a Gateway lacks its certificate keys, or its certificate is unreadable or expired",
    istioCode = "IST0161",
    kinds = {"Gateway", "Secret"})
public final class InvalidCredentialSecret implements LintRule {

  @Override
  public void check(RuleContext ctx) {
    for (Gateway gw : ctx.mesh().gateways()) {
      List<Workload> workloads = GatewayWorkloads.selectedBy(ctx.mesh(), gw);
      TreeSet<String> namespaces = new TreeSet<>();
      workloads.forEach(w -> namespaces.add(w.namespace()));
      for (Gateway.Server server : gw.servers()) {
        Optional<Located<String>> credential = server.tls().flatMap(t -> t.credentialName());
        if (credential.isEmpty()) {
          continue;
        }
        for (String ns : namespaces) {
          Optional<Resource> found = ctx.mesh().byId(new ResourceId("Secret", ns, credential.get().value()));
          if (found.isPresent() && found.get() instanceof Secret secret) {
            problem(secret).ifPresent(
                p ->
                    ctx.report(
                        gw,
                        credential.get(),
                        "Secret " + ns + "/" + secret.name() + " " + p,
                        List.of(RelatedLocation.of(secret.nameSpan(), "the TLS Secret", secret.ref()))));
            break;
          }
        }
      }
    }
  }

  /** What is wrong with a gateway TLS Secret, if anything. */
  static Optional<String> problem(Secret s) {
    String certKey;
    if (s.hasKey("tls.crt") && s.hasKey("tls.key")) {
      certKey = "tls.crt";
    } else if (s.hasKey("cert") && s.hasKey("key")) {
      certKey = "cert";
    } else {
      return Optional.of(
          "has neither tls.crt and tls.key nor cert and key, so the gateway has no certificate to serve; store the"
              + " certificate and key under these names");
    }
    Secret.Certificate cert = s.certificates().get(certKey);
    if (cert == null) {
      return Optional.empty();
    }
    if (!cert.readable()) {
      return Optional.of(
          "holds no readable PEM certificate under " + certKey + "; the gateway cannot serve TLS with it");
    }
    if (cert.notAfter().isPresent() && cert.notAfter().get().isBefore(Instant.now())) {
      return Optional.of(
          "holds a certificate that expired on "
              + cert.notAfter().get()
              + "; clients reject it, renew the certificate");
    }
    return Optional.empty();
  }
}
