/**
 * ROUTE rules: how traffic is matched and routed, and which configuration applies to a workload (VirtualService
 * hosts and matches, Gateways, ServiceEntries, Service ports, Sidecar and Telemetry selection, EnvoyFilter patches).
 */
package dev.istiolint.rules.routing;
