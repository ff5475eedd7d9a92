package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;

/** Kubernetes MutatingWebhookConfiguration (cluster-scoped), with its webhooks. */
public record MutatingWebhookConfiguration(ResourceRef ref, ObjectMeta metadata, SourceSpan span, List<Webhook> webhooks)
    implements Resource {

  public MutatingWebhookConfiguration {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    webhooks = List.copyOf(webhooks);
  }
}
