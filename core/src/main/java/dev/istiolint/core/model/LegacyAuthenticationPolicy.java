package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The spec shared by {@code authentication.istio.io/v1alpha1} {@link MeshPolicy} and {@link Policy}. The mTLS
 * semantics of v1alpha1 are captured as data: see {@link #peerMtls()} and {@link MutualTls#effectiveMode()}.
 */
public record LegacyAuthenticationPolicy(
    List<TargetSelector> targets,
    List<PeerAuthenticationMethod> peers,
    Optional<Located<Boolean>> peerIsOptional,
    List<OriginAuthenticationMethod> origins,
    Optional<Located<Boolean>> originIsOptional,
    Optional<Located<String>> principalBinding,
    SourceSpan span) {

  public LegacyAuthenticationPolicy {
    targets = List.copyOf(targets);
    peers = List.copyOf(peers);
    Objects.requireNonNull(peerIsOptional, "peerIsOptional");
    origins = List.copyOf(origins);
    Objects.requireNonNull(originIsOptional, "originIsOptional");
    Objects.requireNonNull(principalBinding, "principalBinding");
    Objects.requireNonNull(span, "span");
  }

  /**
   * The first {@code peers} entry of type mtls: present means mTLS is on (STRICT unless {@code mode: PERMISSIVE});
   * empty means the policy does not enable mTLS at all (no peers, or only JWT peers).
   */
  public Optional<MutualTls> peerMtls() {
    for (PeerAuthenticationMethod p : peers) {
      if (p.mtls().isPresent()) {
        return p.mtls();
      }
    }
    return Optional.empty();
  }

  /** {@code targets[]}: a service name (short names expand in the policy's namespace) and optional service ports. */
  public record TargetSelector(Located<String> name, List<PortSelector> ports, SourceSpan span) {
    public TargetSelector {
      Objects.requireNonNull(name, "name");
      ports = List.copyOf(ports);
      Objects.requireNonNull(span, "span");
    }
  }

  /** One {@code peers[]} entry: {@code mtls} (possibly written as {@code {}} or null) or {@code jwt}. */
  public record PeerAuthenticationMethod(Optional<MutualTls> mtls, Optional<Jwt> jwt, SourceSpan span) {
    public PeerAuthenticationMethod {
      Objects.requireNonNull(mtls, "mtls");
      Objects.requireNonNull(jwt, "jwt");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code mtls} of a peer. {@code written} is false for {@code mtls:} with a null value; {@code mode} is UNSET when
   * not given. Both mean STRICT in Istio ({@link #effectiveMode()}).
   */
  public record MutualTls(
      Located<LegacyMtlsMode> mode, Optional<Located<Boolean>> allowTls, boolean written, SourceSpan span) {
    public MutualTls {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(allowTls, "allowTls");
      Objects.requireNonNull(span, "span");
    }

    /** STRICT unless PERMISSIVE is written ({@code mtls: {}} and {@code mtls:} null are STRICT). */
    public LegacyMtlsMode effectiveMode() {
      return mode.value() == LegacyMtlsMode.PERMISSIVE ? LegacyMtlsMode.PERMISSIVE : LegacyMtlsMode.STRICT;
    }

    /** True when the deprecated {@code allowTls: true} is set (TLS required, client certificate optional). */
    public boolean isAllowTls() {
      return allowTls.map(Located::value).orElse(false);
    }
  }

  /** {@code origins[]} entry: the JWT it accepts. */
  public record OriginAuthenticationMethod(Optional<Jwt> jwt, SourceSpan span) {
    public OriginAuthenticationMethod {
      Objects.requireNonNull(jwt, "jwt");
      Objects.requireNonNull(span, "span");
    }
  }

  /** A v1alpha1 {@code jwt}: issuer and jwksUri (a JWT without jwksUri relies on OpenID discovery). */
  public record Jwt(Optional<Located<String>> issuer, Optional<Located<String>> jwksUri, SourceSpan span) {
    public Jwt {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(jwksUri, "jwksUri");
      Objects.requireNonNull(span, "span");
    }
  }
}
