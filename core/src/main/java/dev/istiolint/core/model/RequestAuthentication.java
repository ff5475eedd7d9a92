package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code security.istio.io} RequestAuthentication: selector, target refs and JWT rules. */
public record RequestAuthentication(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> selector,
    List<PolicyTargetReference> targetRefs,
    List<JWTRule> jwtRules)
    implements IstioResource {

  public RequestAuthentication {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    targetRefs = List.copyOf(targetRefs);
    jwtRules = List.copyOf(jwtRules);
  }

  /** {@code JWTRule}: issuer, audiences, jwksUri or inline jwks, and header/param sources. */
  public record JWTRule(
      Optional<Located<String>> issuer,
      List<Located<String>> audiences,
      Optional<Located<String>> jwksUri,
      Optional<SourceSpan> jwks,
      Optional<SourceSpan> fromHeaders,
      List<Located<String>> fromParams,
      Optional<Located<Boolean>> forwardOriginalToken,
      Optional<Located<String>> outputPayloadToHeader,
      SourceSpan span) {
    public JWTRule {
      Objects.requireNonNull(issuer, "issuer");
      audiences = List.copyOf(audiences);
      Objects.requireNonNull(jwksUri, "jwksUri");
      Objects.requireNonNull(jwks, "jwks");
      Objects.requireNonNull(fromHeaders, "fromHeaders");
      fromParams = List.copyOf(fromParams);
      Objects.requireNonNull(forwardOriginalToken, "forwardOriginalToken");
      Objects.requireNonNull(outputPayloadToHeader, "outputPayloadToHeader");
      Objects.requireNonNull(span, "span");
    }
  }
}
