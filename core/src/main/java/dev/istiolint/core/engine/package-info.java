/**
 * The indexed picture of the mesh and the analyses built on it.
 *
 * <p>{@link dev.istiolint.core.engine.MeshSnapshot} holds every resource and answers, without scanning all pairs:
 * resources by type and namespace ({@code destinationRulesIn(ns)}, {@code ofType(Type.class, ns)}, {@code get(Type,
 * ns, name)}), hosts ({@code serviceByHost}, {@code serviceEntriesByHost}, {@code destinationRulesForExactHost},
 * {@code hosts()}), namespaces ({@code namespaces()}, {@code namespace(name)}), workloads ({@code workloadsIn},
 * {@code workloadsMatching(ns, selector)} via a label index, {@code workloadsBehind(service)}, {@code
 * servicesSelecting(workload)}), the Istio version and the {@link dev.istiolint.core.engine.MeshSettings} with
 * provenance.
 *
 * <p>{@link dev.istiolint.core.engine.Workload} is a "virtual pod" derived from each pod template, with its sidecar
 * decision ({@code sidecar()}: state, reason, deciding field) and {@code gateway()}; see {@code WorkloadDeriver} for
 * the injection rules.
 */
package dev.istiolint.core.engine;
