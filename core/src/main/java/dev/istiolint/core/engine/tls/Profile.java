package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.IstioVersion;
import java.util.Objects;

/**
 * The effective-TLS semantics of one Istio version range (tls-semantics §7). Each question the engine asks about the
 * version is a method here, so the algorithm reads as the specification does.
 */
public final class Profile {

  private final IstioVersion version;

  private Profile(IstioVersion version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  public static Profile of(IstioVersion version) {
    return new Profile(version);
  }

  /** The version the profile was chosen for. */
  public IstioVersion version() {
    return version;
  }

  /** The range of releases that share these semantics, e.g. {@code 1.14–1.23}. */
  public String label() {
    if (!at(1, 1)) {
      return "1.0";
    }
    if (!at(1, 4)) {
      return "1.1–1.3";
    }
    if (!at(1, 5)) {
      return "1.4";
    }
    if (!at(1, 6)) {
      return "1.5";
    }
    if (!at(1, 12)) {
      return "1.6–1.11";
    }
    if (!at(1, 14)) {
      return "1.12–1.13";
    }
    if (!at(1, 24)) {
      return "1.14–1.23";
    }
    return "1.24+";
  }

  private boolean at(int major, int minor) {
    return version.atLeast(major, minor);
  }

  /** 1.0: all DestinationRules form one global candidate set; no exportTo, no namespace order (§2.2). */
  public boolean globalDestinationRules() {
    return !at(1, 1);
  }

  /** 1.1–1.6 honoured only the first exportTo entry, as {@code .} versus anything else (§1.4). */
  public boolean exportToFirstEntryOnly() {
    return at(1, 1) && !at(1, 7);
  }

  /** Before 1.7 the client-namespace step used every rule of the namespace, whatever its exportTo (§2.6). */
  public boolean clientStepIgnoresExportTo() {
    return !at(1, 7);
  }

  /** Since 1.8 private root-namespace rules serve proxies in the root namespace (§1.4, §2.1). */
  public boolean rootLocalIndex() {
    return at(1, 8);
  }

  /** The meshConfig {@code enableAutoMtls} field exists (1.4+). */
  public boolean autoMtlsSupported() {
    return at(1, 4);
  }

  /** The value of {@code enableAutoMtls} when the input does not set it (§4.1: 1.5 installs turned it on). */
  public boolean autoMtlsDefault() {
    return at(1, 5);
  }

  /** 1.4: auto mTLS infers the service mode from the v1alpha1 policy (§4.6). */
  public boolean autoMtlsInfersFromLegacyPolicy() {
    return at(1, 4) && !at(1, 5);
  }

  /** PeerAuthentication exists (1.5+). */
  public boolean peerAuthentication() {
    return at(1, 5);
  }

  /** v1alpha1 MeshPolicy/Policy are honoured (up to 1.5, where they are the fallback when no PeerAuthentication applies). */
  public boolean legacyAuthentication() {
    return !at(1, 6);
  }

  /** Since 1.12 auto mTLS checks each endpoint's full PeerAuthentication (§4.4). */
  public boolean autoMtlsChecksEndpointPolicy() {
    return at(1, 12);
  }

  /** DestinationRule {@code workloadSelector} exists (1.14+). */
  public boolean destinationRuleWorkloadSelector() {
    return at(1, 14);
  }

  /** Since 1.14 sidecars ignore {@code credentialName} in a rule without workloadSelector (§2.4). */
  public boolean sidecarsIgnoreCredentialName() {
    return at(1, 14);
  }

  /** Since 1.24 same-host rules merge only when their exportTo sets are equal (§2.3). */
  public boolean mergeOnlySameExportTo() {
    return at(1, 24);
  }

  /** 1.0: with no rule at all, sidecars fall back to {@code meshConfig.authPolicy} (§4.6). */
  public boolean authPolicyFallback() {
    return !at(1, 1);
  }

  /** 1.0: port-level settings may select the port by name (§3.1). */
  public boolean portSelectorByName() {
    return !at(1, 1);
  }

  /** 1.0 applied the subset policy on top of the rule's: an unset subset tls keeps the rule's tls (§3.2). */
  public boolean subsetTlsLayered() {
    return !at(1, 1);
  }

  @Override
  public String toString() {
    return label();
  }
}
