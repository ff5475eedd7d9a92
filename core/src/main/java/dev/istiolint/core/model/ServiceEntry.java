package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code networking.istio.io} ServiceEntry. Absent {@code location}/{@code resolution} are {@code UNSET}, located at the
 * spec (Istio reads UNSET location as MESH_EXTERNAL, see {@link #isMeshExternal()}).
 */
public record ServiceEntry(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    List<Located<String>> hosts,
    List<Located<String>> addresses,
    List<Port> ports,
    Located<Location> location,
    Located<Resolution> resolution,
    List<WorkloadEntry.Spec> endpoints,
    Optional<LabelSelector> workloadSelector,
    List<Located<String>> exportTo,
    List<Located<String>> subjectAltNames,
    List<Located<String>> statusAddresses)
    implements IstioResource {

  public ServiceEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    hosts = List.copyOf(hosts);
    addresses = List.copyOf(addresses);
    ports = List.copyOf(ports);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(resolution, "resolution");
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(workloadSelector, "workloadSelector");
    exportTo = List.copyOf(exportTo);
    subjectAltNames = List.copyOf(subjectAltNames);
    statusAddresses = List.copyOf(statusAddresses);
  }

  /** A ServiceEntry without {@code status.addresses} (the addresses the control plane allocated). */
  public ServiceEntry(
      ResourceRef ref,
      ObjectMeta metadata,
      SourceSpan span,
      List<Located<String>> hosts,
      List<Located<String>> addresses,
      List<Port> ports,
      Located<Location> location,
      Located<Resolution> resolution,
      List<WorkloadEntry.Spec> endpoints,
      Optional<LabelSelector> workloadSelector,
      List<Located<String>> exportTo,
      List<Located<String>> subjectAltNames) {
    this(
        ref, metadata, span, hosts, addresses, ports, location, resolution, endpoints, workloadSelector, exportTo,
        subjectAltNames, List.of());
  }

  /** {@code MESH_EXTERNAL}, also when location is not written (Istio's enum value 0). */
  public boolean isMeshExternal() {
    return location.value() != Location.MESH_INTERNAL;
  }

  /** The host names as written (ServiceEntry hosts are never expanded). */
  public List<HostName> hostNames() {
    return hosts.stream().map(h -> HostName.of(h.value())).toList();
  }

  /** The port with this number, if any. */
  public Optional<Port> port(int number) {
    return ports.stream().filter(p -> p.numberOrZero() == number).findFirst();
  }

  /** {@code ServiceEntry.Location}. */
  public enum Location {
    UNSET,
    MESH_EXTERNAL,
    MESH_INTERNAL
  }

  /** {@code ServiceEntry.Resolution}. */
  public enum Resolution {
    UNSET,
    NONE,
    STATIC,
    DNS,
    DNS_ROUND_ROBIN
  }
}
