package dev.istiolint.core.model;

/**
 * A Kubernetes kind that runs pods from a template: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and
 * Pod itself. The snapshot derives one {@code Workload} from each.
 */
public interface PodTemplateOwner extends Resource {

  /** The pod template (for a Pod, the Pod's own metadata and spec). */
  PodTemplate template();
}
