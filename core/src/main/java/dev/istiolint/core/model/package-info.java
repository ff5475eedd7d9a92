/**
 * The typed model: one immutable record per Kubernetes or Istio kind, decoded once from the manifests.
 *
 * <ul>
 *   <li>Every record implements {@link dev.istiolint.core.model.Resource} ({@code ref()}, {@code metadata()},
 *       {@code span()}, {@code id()}, {@code nameSpan()}); the {@code *.istio.io} kinds also implement the sealed
 *       {@link dev.istiolint.core.model.IstioResource}; kinds istio-lint does not model are
 *       {@link dev.istiolint.core.model.GenericResource}.
 *   <li>Field and nested-type names are Istio's and Kubernetes' own ({@code trafficPolicy}, {@code portLevelSettings},
 *       {@code ClientTLSSettings}, {@code portLevelMtls}, ...).
 *   <li>No nulls: absent values are {@code Optional}, empty collections, or an enum's {@code UNSET}. An absent enum
 *       field is {@code UNSET} located at the enclosing block; an unknown enum value is {@code UNSET} located at the
 *       value (the schema check reports it).
 *   <li>Every value a rule may report on is a {@link dev.istiolint.core.model.Located}; blocks whose presence matters
 *       (connectionPool, outlierDetection, a patch value) are kept as their {@code SourceSpan}.
 *   <li>Istio's semantics that are data, not behaviour, are methods on the records: {@code
 *       ClientTLSSettings.effectiveMode()} (a tls block without mode is DISABLE), {@code
 *       LegacyAuthenticationPolicy.peerMtls()} and {@code MutualTls.effectiveMode()} (v1alpha1 {@code mtls: {}} and
 *       null are STRICT), {@code ServiceEntry.isMeshExternal()}, {@code ServicePort.effectiveTargetPort()}, {@code
 *       AuthorizationPolicy.effectiveAction()}.
 *   <li>Types the model holds by the thousand ({@code ObjectMeta}, the VirtualService {@code Route}, {@code
 *       RouteDestination} and {@code Destination}, {@code ServicePort}, {@code ContainerPort}, the DestinationRule
 *       {@code TrafficPolicy}, {@code LoadBalancerSettings} and {@code Subset}) are final classes rather than
 *       records: same constructor, accessors, {@code equals}, {@code hashCode} and {@code toString} as the record,
 *       but an optional value is kept as the value or nothing (no {@code Optional} object per present field) and the
 *       span packed as {@link dev.istiolint.core.model.Located} keeps it, made again by {@code span()}.
 *   <li>{@link dev.istiolint.core.model.HostName} expands, matches and orders hosts (tls-semantics §1).
 * </ul>
 */
package dev.istiolint.core.model;
