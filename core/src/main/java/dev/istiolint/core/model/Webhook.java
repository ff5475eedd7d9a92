package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/** One webhook of a Mutating- or ValidatingWebhookConfiguration: name, selectors, failure policy, service. */
public record Webhook(
    Located<String> name,
    Optional<LabelSelector> namespaceSelector,
    Optional<LabelSelector> objectSelector,
    Optional<Located<String>> failurePolicy,
    Optional<Located<String>> serviceName,
    Optional<Located<String>> serviceNamespace,
    Optional<Located<String>> url,
    SourceSpan span) {

  public Webhook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespaceSelector, "namespaceSelector");
    Objects.requireNonNull(objectSelector, "objectSelector");
    Objects.requireNonNull(failurePolicy, "failurePolicy");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(serviceNamespace, "serviceNamespace");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(span, "span");
  }
}
