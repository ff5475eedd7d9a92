package dev.istiolint.core.engine.tls;

import dev.istiolint.core.engine.Workload;
import dev.istiolint.core.model.IntOrString;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of pod behind a host: a workload from the input, or an assumed pod when the input has none for a Service.
 *
 * @param workload the workload, empty for an assumed pod
 * @param namespace where the pods run
 * @param labels the pod labels (for an assumed pod: the Service selector)
 * @param sidecar true when the pods run a sidecar
 * @param description how explanations name it
 */
record Endpoint(
    Optional<Workload> workload, String namespace, Map<String, String> labels, boolean sidecar, String description) {

  Endpoint {
    labels = Map.copyOf(labels);
  }

  static Endpoint of(Workload w, boolean sidecar, String reason) {
    String what =
        w.source().kind() + " " + w.namespace() + "/" + w.name() + (sidecar ? " (sidecar: " : " (no sidecar: ")
            + reason + ")";
    return new Endpoint(Optional.of(w), w.namespace(), w.labelValues(), sidecar && !w.gateway(), what);
  }

  /** The workload port a service targetPort reaches; the number itself when it cannot be resolved. */
  int workloadPort(IntOrString targetPort, int servicePort) {
    if (targetPort.isInt()) {
      return targetPort.intValue();
    }
    return workload.flatMap(w -> w.resolvePort(targetPort)).orElse(servicePort);
  }
}
