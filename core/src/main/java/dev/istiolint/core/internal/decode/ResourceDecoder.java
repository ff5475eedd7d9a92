package dev.istiolint.core.internal.decode;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.model.GenericResource;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.ObjectMeta;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.rule.CoreRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decodes a document tree into a typed resource, once; nothing after this sees a node. */
public final class ResourceDecoder {

  private final String defaultNamespace;

  public ResourceDecoder(String defaultNamespace) {
    this.defaultNamespace = defaultNamespace;
  }

  /** The resource of a document, or the findings that explain why there is none. */
  public record Decoded(Optional<Resource> resource, List<Diagnostic> problems) {
    public Decoded {
      problems = List.copyOf(problems);
    }
  }

  public Decoded decode(YDocument doc) {
    if (!(doc.root() instanceof YMap root)) {
      return problem(doc, doc.root(), "the document is not a mapping; a resource needs apiVersion, kind and metadata");
    }
    Optional<YScalar> apiVersion = scalar(root, "apiVersion");
    Optional<YScalar> kind = scalar(root, "kind");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return problem(doc, root, "the document has no " + (apiVersion.isEmpty() ? "apiVersion" : "kind"));
    }
    Optional<YMap> meta = root.get("metadata").filter(YMap.class::isInstance).map(YMap.class::cast);
    Optional<YScalar> name = meta.flatMap(m -> scalar(m, "name"));
    if (name.isEmpty()) {
      return problem(doc, meta.<YNode>map(m -> m).orElse(root), "the resource has no metadata.name");
    }
    Optional<YScalar> ns = meta.flatMap(m -> scalar(m, "namespace"));
    ObjectMeta om =
        new ObjectMeta(
            located(name.get()),
            ns.map(ResourceDecoder::located),
            stringMap(meta.get(), "labels"),
            stringMap(meta.get(), "annotations"),
            scalar(meta.get(), "creationTimestamp").map(YScalar::value));
    String namespace = ns.map(YScalar::value).orElse(defaultNamespace);
    ResourceRef ref =
        new ResourceRef(apiVersion.get().value(), new ResourceId(kind.get().value(), namespace, name.get().value()));
    return new Decoded(Optional.of(new GenericResource(ref, om, root.span())), List.of());
  }

  private static Map<String, Located<String>> stringMap(YMap meta, String key) {
    Map<String, Located<String>> out = new LinkedHashMap<>();
    meta.get(key)
        .filter(YMap.class::isInstance)
        .map(YMap.class::cast)
        .ifPresent(
            m -> {
              for (YMap.Entry e : m.entries()) {
                if (e.value() instanceof YScalar s) {
                  out.putIfAbsent(e.key().value(), located(s));
                }
              }
            });
    return out;
  }

  private static Optional<YScalar> scalar(YMap map, String key) {
    return map.get(key).filter(YScalar.class::isInstance).map(YScalar.class::cast).filter(s -> !s.isNull());
  }

  private static Located<String> located(YScalar s) {
    return Located.of(s.value(), s.span());
  }

  private static Decoded problem(YDocument doc, YNode at, String message) {
    return new Decoded(
        Optional.empty(),
        List.of(
            new Diagnostic(
                CoreRules.NOT_A_RESOURCE,
                CoreRules.NOT_A_RESOURCE.defaultSeverity(),
                message,
                at.span().start(),
                Optional.empty(),
                List.of())));
  }
}
