package dev.istiolint.core.model;

/**
 * An Istio resource (any {@code *.istio.io} kind istio-lint models). Sealed: a {@code switch} over it is checked for
 * completeness. Kinds of other groups are plain {@link Resource}s; unknown kinds are {@link GenericResource}.
 */
public sealed interface IstioResource extends Resource
    permits AuthorizationPolicy,
        DestinationRule,
        EnvoyFilter,
        Gateway,
        IstioOperator,
        MeshPolicy,
        PeerAuthentication,
        Policy,
        ProxyConfig,
        RequestAuthentication,
        ServiceEntry,
        Sidecar,
        Telemetry,
        VirtualService,
        WasmPlugin,
        WorkloadEntry,
        WorkloadGroup {}
