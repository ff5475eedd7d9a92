package dev.istiolint.rules.authz;

import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.model.Container;
import dev.istiolint.core.model.Deployment;
import dev.istiolint.core.model.RequestAuthentication;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleInfo;
import java.util.List;
import java.util.Optional;

/** RequestAuthentications fetch JWKS by URI while istiod does not restrict which addresses it may fetch from. */
@RuleInfo(
    id = "AUTHZ002",
    name = "jwks-blocked-cidrs-missing",
    severity = Severity.WARNING,
    summary = "RequestAuthentication jwksUri values are fetched by istiod, which has no BLOCKED_CIDRS_IN_JWKS_URIS",
    istioCode = "IST0175",
    kinds = {"RequestAuthentication", "Deployment"})
public final class JwksBlockedCidrsMissing implements LintRule {

  static final String ENV = "BLOCKED_CIDRS_IN_JWKS_URIS";

  @Override
  public void check(RuleContext ctx) {
    boolean fetchesJwks =
        ctx.mesh().requestAuthentications().stream()
            .flatMap(ra -> ra.jwtRules().stream())
            .anyMatch(rule -> rule.jwksUri().isPresent());
    if (!fetchesJwks) {
      return;
    }
    for (Deployment d : ctx.mesh().ofType(Deployment.class)) {
      Optional<Container> discovery = istiod(d);
      if (discovery.isEmpty() || discovery.get().env().containsKey(ENV)) {
        continue;
      }
      List<String> users =
          ctx.mesh().requestAuthentications().stream()
              .filter(ra -> ra.jwtRules().stream().anyMatch(r -> r.jwksUri().isPresent()))
              .map(ra -> ra.namespace() + "/" + ra.name())
              .toList();
      ctx.report(
          d,
          d.metadata().name(),
          "istiod fetches the jwksUri of "
              + String.join(", ", users)
              + " from any address, including cluster-internal ones (a server-side request forgery risk); set the"
              + " environment variable "
              + ENV
              + " on container "
              + discovery.get().name().value()
              + " to the CIDRs it must not reach");
    }
  }

  /** The discovery container of an istiod Deployment. */
  private static Optional<Container> istiod(Deployment d) {
    boolean named = d.name().equals("istiod") || d.name().startsWith("istiod-");
    boolean labelled = d.metadata().label("app").filter("istiod"::equals).isPresent();
    if (!named && !labelled) {
      return Optional.empty();
    }
    return d.template().container("discovery");
  }
}
