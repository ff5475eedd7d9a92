package dev.istiolint.core.engine.tls;

import dev.istiolint.core.model.HostName;
import dev.istiolint.core.model.IntOrString;
import dev.istiolint.core.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * A host clients can call: a Kubernetes Service or one host of a ServiceEntry, with its ports and the pods behind it.
 *
 * @param host the registry host
 * @param namespace the Service's or ServiceEntry's namespace (step 2 of the rule lookup)
 * @param resource the Service or ServiceEntry
 * @param ports the ports, by service port number
 * @param external true for a MESH_EXTERNAL ServiceEntry host
 * @param passthrough true for a headless Service (ORIGINAL_DST cluster)
 * @param endpoints the pods behind it; for an external host, none
 * @param endpointsAssumed true when no workload of the input matched and one pod was assumed
 */
record Destination(
    HostName host,
    String namespace,
    Resource resource,
    List<Port> ports,
    boolean external,
    boolean passthrough,
    List<Endpoint> endpoints,
    boolean endpointsAssumed) {

  Destination {
    ports = List.copyOf(ports);
    endpoints = List.copyOf(endpoints);
  }

  /** One service port. {@code tlsTyped} is true for https/tls names or app protocols (the app may terminate TLS). */
  record Port(int number, Optional<String> name, IntOrString targetPort, boolean tlsTyped, boolean tcpTyped) {}
}
