package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;

/** Kubernetes ValidatingWebhookConfiguration (cluster-scoped), with its webhooks. */
public record ValidatingWebhookConfiguration(ResourceRef ref, ObjectMeta metadata, SourceSpan span, List<Webhook> webhooks)
    implements Resource {

  public ValidatingWebhookConfiguration {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    webhooks = List.copyOf(webhooks);
  }
}
