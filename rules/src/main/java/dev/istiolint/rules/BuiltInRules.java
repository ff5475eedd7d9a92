package dev.istiolint.rules;

import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.authz.JwksBlockedCidrsMissing;
import dev.istiolint.rules.authz.JwtClaimRouteWithoutAuthentication;
import dev.istiolint.rules.authz.PrincipalsWithoutMtls;
import dev.istiolint.rules.config.AlphaAnnotation;
import dev.istiolint.rules.config.ConflictingInjectionLabels;
import dev.istiolint.rules.config.DeprecatedAnnotation;
import dev.istiolint.rules.config.DeprecatedField;
import dev.istiolint.rules.config.DeprecatedTelemetryProvider;
import dev.istiolint.rules.config.ExternalControlPlaneAddress;
import dev.istiolint.rules.config.ExternalControlPlaneIpAddress;
import dev.istiolint.rules.config.GatewayApiCrdTooOld;
import dev.istiolint.rules.config.ImageAutoInPod;
import dev.istiolint.rules.config.ImageAutoInTemplate;
import dev.istiolint.rules.config.InvalidAnnotationValue;
import dev.istiolint.rules.config.InvalidInjectionWebhook;
import dev.istiolint.rules.config.MisplacedAnnotation;
import dev.istiolint.rules.config.NamespaceInjectedByDefault;
import dev.istiolint.rules.config.NamespaceNotInjected;
import dev.istiolint.rules.config.PodMissingProxy;
import dev.istiolint.rules.config.ProxyImageMismatch;
import dev.istiolint.rules.config.UnknownAnnotation;
import dev.istiolint.rules.reference.AccessLoggingWithoutProvider;
import dev.istiolint.rules.reference.AuthorizationPolicyMatchesNoWorkload;
import dev.istiolint.rules.reference.AuthorizationPolicyUnknownNamespace;
import dev.istiolint.rules.reference.DestinationRuleHostNotFound;
import dev.istiolint.rules.reference.GatewaySelectorMatchesNothing;
import dev.istiolint.rules.reference.InternalGatewayReference;
import dev.istiolint.rules.reference.InvalidCredentialSecret;
import dev.istiolint.rules.reference.SelectorOnGatewayPods;
import dev.istiolint.rules.reference.SidecarEgressHostMatchesNothing;
import dev.istiolint.rules.reference.SidecarSelectorMatchesNothing;
import dev.istiolint.rules.reference.SubsetSelectsNoWorkload;
import dev.istiolint.rules.reference.TelemetrySelectorMatchesNothing;
import dev.istiolint.rules.reference.UnknownCredentialSecret;
import dev.istiolint.rules.reference.UnknownDestinationHost;
import dev.istiolint.rules.reference.UnknownDestinationPort;
import dev.istiolint.rules.reference.UnknownGateway;
import dev.istiolint.rules.reference.UnknownSubset;
import dev.istiolint.rules.routing.ConflictingGatewayHosts;
import dev.istiolint.rules.routing.ConflictingGateways;
import dev.istiolint.rules.routing.ConflictingMeshGatewayHosts;
import dev.istiolint.rules.routing.ConflictingTargetPorts;
import dev.istiolint.rules.routing.DestinationPortRequired;
import dev.istiolint.rules.routing.DuplicateGatewayCertificate;
import dev.istiolint.rules.routing.DuplicateSubset;
import dev.istiolint.rules.routing.EnvoyFilterAddMisused;
import dev.istiolint.rules.routing.EnvoyFilterRelativeOperation;
import dev.istiolint.rules.routing.EnvoyFilterRelativeWithProxyVersion;
import dev.istiolint.rules.routing.EnvoyFilterRemoveMisused;
import dev.istiolint.rules.routing.EnvoyFilterReplaceMisused;
import dev.istiolint.rules.routing.ExternalNamePortName;
import dev.istiolint.rules.routing.GatewayPortNotOnService;
import dev.istiolint.rules.routing.HostNotInGateway;
import dev.istiolint.rules.routing.IneffectiveMatch;
import dev.istiolint.rules.routing.IngressIgnoresMeshSubsets;
import dev.istiolint.rules.routing.MultipleDefaultSidecars;
import dev.istiolint.rules.routing.MultipleDefaultTelemetries;
import dev.istiolint.rules.routing.MultipleServicesPortProtocol;
import dev.istiolint.rules.routing.PortNameConvention;
import dev.istiolint.rules.routing.ProxyUidInApplication;
import dev.istiolint.rules.routing.ServiceEntryAddressRequired;
import dev.istiolint.rules.routing.ServiceEntryEndpointsMismatch;
import dev.istiolint.rules.routing.ServiceEntryProtocolConflict;
import dev.istiolint.rules.routing.SidecarIneffectiveInAmbient;
import dev.istiolint.rules.routing.SidecarSelectorOverlap;
import dev.istiolint.rules.routing.TelemetrySelectorOverlap;
import dev.istiolint.rules.routing.UnreachableRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The rules istio-lint runs: the built-in ones in a fixed order, then third-party rules found by ServiceLoader. */
public final class BuiltInRules {

  private BuiltInRules() {}

  /** The built-in rules, in registration order. */
  public static List<LintRule> builtIn() {
    return List.of(
        new dev.istiolint.rules.tls.MtlsModeConflict(),
        new dev.istiolint.rules.tls.PlaintextBetweenSidecars(),
        new dev.istiolint.rules.tls.TlsOverrideDropsMeshMtls(),
        new dev.istiolint.rules.tls.DestinationRuleTlsWithoutCaCertificates(),
        new dev.istiolint.rules.tls.PortTlsWithoutCaCertificates(),
        new dev.istiolint.rules.tls.RootNamespacePeerAuthenticationSelector(),
        new dev.istiolint.rules.tls.DuplicatePeerAuthentication(),
        new dev.istiolint.rules.tls.MeshPolicyNotDefault(),
        new dev.istiolint.rules.tls.NamespacePolicyNotDefault(),
        new dev.istiolint.rules.tls.PortLevelMtlsUnknownPort(),
        new dev.istiolint.rules.tls.DestinationRuleHostNotFullyQualified(),
        new dev.istiolint.rules.tls.DestinationRuleNotExportedToOwnNamespace(),
        new dev.istiolint.rules.tls.WorkloadSelectorShadowsDestinationRule(),
        new dev.istiolint.rules.tls.MergedTrafficPolicyDiscarded(),
        new dev.istiolint.rules.tls.PortLevelSettingsDropTls(),
        new UnknownGateway(),
        new UnknownDestinationHost(),
        new UnknownDestinationPort(),
        new UnknownSubset(),
        new UnknownCredentialSecret(),
        new InvalidCredentialSecret(),
        new GatewaySelectorMatchesNothing(),
        new SidecarSelectorMatchesNothing(),
        new SidecarEgressHostMatchesNothing(),
        new TelemetrySelectorMatchesNothing(),
        new AccessLoggingWithoutProvider(),
        new AuthorizationPolicyUnknownNamespace(),
        new AuthorizationPolicyMatchesNoWorkload(),
        new SelectorOnGatewayPods(),
        new SubsetSelectsNoWorkload(),
        new DestinationRuleHostNotFound(),
        new InternalGatewayReference(),
        new ConflictingMeshGatewayHosts(),
        new ConflictingGatewayHosts(),
        new IngressIgnoresMeshSubsets(),
        new DestinationPortRequired(),
        new UnreachableRoute(),
        new IneffectiveMatch(),
        new HostNotInGateway(),
        new GatewayPortNotOnService(),
        new ConflictingGateways(),
        new DuplicateGatewayCertificate(),
        new ServiceEntryAddressRequired(),
        new ServiceEntryProtocolConflict(),
        new ServiceEntryEndpointsMismatch(),
        new PortNameConvention(),
        new ExternalNamePortName(),
        new MultipleServicesPortProtocol(),
        new ConflictingTargetPorts(),
        new DuplicateSubset(),
        new SidecarSelectorOverlap(),
        new MultipleDefaultSidecars(),
        new SidecarIneffectiveInAmbient(),
        new TelemetrySelectorOverlap(),
        new MultipleDefaultTelemetries(),
        new EnvoyFilterRelativeOperation(),
        new EnvoyFilterReplaceMisused(),
        new EnvoyFilterAddMisused(),
        new EnvoyFilterRemoveMisused(),
        new EnvoyFilterRelativeWithProxyVersion(),
        new InvalidInjectionWebhook(),
        new ExternalControlPlaneAddress(),
        new ExternalControlPlaneIpAddress(),
        new GatewayApiCrdTooOld(),
        new ProxyUidInApplication(),
        new PrincipalsWithoutMtls(),
        new JwksBlockedCidrsMissing(),
        new JwtClaimRouteWithoutAuthentication(),
        new DeprecatedField(),
        new DeprecatedTelemetryProvider(),
        new NamespaceNotInjected(),
        new NamespaceInjectedByDefault(),
        new ConflictingInjectionLabels(),
        new PodMissingProxy(),
        new ProxyImageMismatch(),
        new ImageAutoInTemplate(),
        new ImageAutoInPod(),
        new MisplacedAnnotation(),
        new UnknownAnnotation(),
        new InvalidAnnotationValue(),
        new DeprecatedAnnotation(),
        new AlphaAnnotation());
  }

  /**
   * The built-in rules followed by every rule registered in {@code META-INF/services/dev.istiolint.core.rule.LintRule}
   * on the class path, in class-path order.
   */
  public static List<LintRule> all() {
    List<LintRule> out = new ArrayList<>(builtIn());
    for (LintRule rule : ServiceLoader.load(LintRule.class, BuiltInRules.class.getClassLoader())) {
      out.add(rule);
    }
    return List.copyOf(out);
  }
}
