package dev.istiolint.core.internal.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.SchemaLoader;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.rule.CoreRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one adapter over the JSON Schema validator. Validates each document of a known kind against the schema
 * istio-lint ships for its {@code apiVersion} and {@code kind}, then runs the checks Istio's own validation performs,
 * and returns findings placed at the offending key or value.
 *
 * <p>Create one per run: schemas compile lazily, once per kind the input contains, and are reused for every document.
 * Thread-safe. Schemas load from the classpath only; any other reference is refused.
 */
public final class SchemaValidator {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final SchemaRegistry registry;
  private final ClasspathSchemaLoader loader;
  private final ClassLoader classLoader;
  private final String folder;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final Map<String, QuickSchema> quick = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> schemaDocuments = new ConcurrentHashMap<>();
  private final String defaultNamespace;
  private static final Map<String, Set<String>> WATCHED = new ConcurrentHashMap<>();

  /** What validation found in one document. */
  public record Validation(List<Diagnostic> findings, List<VersionedDiagnostic> versioned) {
    public Validation {
      findings = List.copyOf(findings);
      versioned = List.copyOf(versioned);
    }

    static Validation none() {
      return new Validation(List.of(), List.of());
    }
  }

  /** A validator over the schemas shipped in this jar; documents without a namespace get {@code defaultNamespace}. */
  public SchemaValidator(String defaultNamespace) {
    this(defaultNamespace, SchemaValidator.class.getClassLoader(), "schemas");
  }

  SchemaValidator(String defaultNamespace, ClassLoader classLoader, String folder) {
    this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
    this.classLoader = classLoader;
    this.folder = folder;
    this.loader = new ClasspathSchemaLoader(classLoader, folder);
    SchemaLoader schemaLoader =
        new SchemaLoader(List.of(), List.of(loader), iri -> true, loader::blocks);
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).cacheRefs(true).build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemaLoader(schemaLoader).schemaRegistryConfig(config));
  }

  /** Validates one document. Documents that are not a resource of a kind istio-lint knows give no findings. */
  public Validation validate(YDocument doc) {
    if (!(doc.root() instanceof YMap root)) {
      return Validation.none();
    }
    Optional<String> apiVersion = text(root, "apiVersion");
    Optional<String> kind = text(root, "kind");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return Validation.none();
    }
    Optional<String> location = SchemaCatalog.schemaFor(apiVersion.get(), kind.get());
    if (location.isEmpty()) {
      if (!ApiVersions.isIstioGroup(apiVersion.get())) {
        return Validation.none();
      }
      return apiVersionChecked(doc, root, apiVersion.get(), kind.get());
    }
    return validate(doc, root, apiVersion.get(), kind.get(), location.get());
  }

  /** Validates a document against the schema at {@code location} (tests use their own schemas). */
  Validation validateAgainst(YDocument doc, String location) {
    YMap root = (YMap) doc.root();
    return validate(doc, root, text(root, "apiVersion").orElse(""), text(root, "kind").orElse(""), location);
  }

  private Validation validate(YDocument doc, YMap root, String apiVersion, String kind, String location) {
    Set<String> watched = WATCHED.computeIfAbsent(kind, k -> watched(k));
    boolean proved;
    try {
      // most documents are valid: the shortcut proves it on the YAML tree, and the full validator (and its schema
      // compilation) is needed only for the others
      proved = quickSchema(location).provesValid(root, doc.suspectScalars());
    } catch (RuntimeException | StackOverflowError e) {
      proved = false;
    }
    if (proved && watched.isEmpty() && !SemanticChecks.reads(kind)) {
      return apiVersionChecked(doc, root, apiVersion, kind); // nothing more to look at: no JSON tree is built
    }
    TreeConverter.Converted converted = TreeConverter.convert(root, watched);
    DocumentFindings out =
        new DocumentFindings(converted.locator(), doc.span().start(), resourceRef(root, apiVersion, kind));
    try {
      ApiVersions.check(apiVersion, kind, out);
      if (!proved) {
        List<Error> errors = fullSchema(location).validate(converted.root());
        new ErrorTranslator(this::schemaNode, converted, out, kind).translate(errors);
      }
      for (String pointer : converted.nonFinite()) {
        YScalar s = converted.scalarAt(pointer);
        out.report(
            CoreRules.SCHEMA_INVALID_VALUE,
            pointer,
            false,
            "`"
                + (s == null ? "" : ValueText.cut(s.value()))
                + "` in `"
                + JsonPointers.display(pointer)
                + "` is not a finite number");
      }
      Yaml11Values.check(converted, out);
      Deprecations.check(kind, converted, out);
      Durations.check(kind, converted, out);
      SemanticChecks.run(kind, converted.root(), out);
    } catch (RuntimeException | StackOverflowError e) {
      out.report(
          CoreRules.INTERNAL_ERROR,
          "",
          false,
          "schema validation of this " + kind + " (" + apiVersion + ") failed; please report it");
    }
    return new Validation(out.findings(), out.versioned());
  }

  /** The findings of the API version check alone. */
  private Validation apiVersionChecked(YDocument doc, YMap root, String apiVersion, String kind) {
    DocumentFindings out =
        new DocumentFindings(new NodeLocator(root), doc.span().start(), resourceRef(root, apiVersion, kind));
    ApiVersions.check(apiVersion, kind, out);
    return new Validation(out.findings(), out.versioned());
  }

  /** The member names the deprecation and duration tables look at in documents of {@code kind}. */
  private static Set<String> watched(String kind) {
    Set<String> names = new HashSet<>(Deprecations.fieldNames(kind));
    names.addAll(Durations.fieldNames(kind));
    return Set.copyOf(names);
  }

  /** The shortcut for the schema at {@code location}, compiled on first use. */
  QuickSchema quickSchema(String location) {
    return quick.computeIfAbsent(location, l -> QuickSchema.compile(l, this::schemaDocument));
  }

  /** The full validator's schema at {@code location}, compiled on first use. */
  Schema fullSchema(String location) {
    return compiled.computeIfAbsent(location, this::compile);
  }

  private Schema compile(String location) {
    Schema s = registry.getSchema(SchemaLocation.of(location));
    s.initializeValidators();
    return s;
  }

  /** The schema node at an absolute location such as {@code https://…/common.json#/$defs/port}, if any. */
  Optional<JsonNode> schemaNode(String iri, String pointer) {
    JsonNode n = schemaDocument(iri).at(pointer);
    return n.isMissingNode() ? Optional.empty() : Optional.of(n);
  }

  /** The schema document with identifier {@code iri} (no fragment); a missing node when it is not shipped. */
  private JsonNode schemaDocument(String iri) {
    return schemaDocuments.computeIfAbsent(iri, this::readSchemaDocument);
  }

  private JsonNode readSchemaDocument(String iri) {
    if (!iri.startsWith(SchemaCatalog.BASE)) {
      return JSON.missingNode();
    }
    String resource = folder + "/" + iri.substring(SchemaCatalog.BASE.length());
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      return in == null ? JSON.missingNode() : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Identifiers the validator asked for and was refused (anything outside the shipped schemas). */
  List<String> refusedReferences() {
    return loader.refused();
  }

  /** The number of schemas the full validator compiled so far. */
  int compiledSchemas() {
    return compiled.size();
  }

  /** The number of schemas the shortcut compiled so far. */
  int quickSchemas() {
    return quick.size();
  }

  private Optional<ResourceRef> resourceRef(YMap root, String apiVersion, String kind) {
    YMap meta = null;
    for (YMap.Entry e : root.entries()) {
      if (e.key().value().equals("metadata")) {
        meta = e.value() instanceof YMap m ? m : null;
        break;
      }
    }
    Optional<String> name = meta == null ? Optional.empty() : text(meta, "name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String ns = text(meta, "namespace").orElse(defaultNamespace);
    return Optional.of(new ResourceRef(apiVersion, new ResourceId(kind, ns, name.get())));
  }

  private static Optional<String> text(YMap map, String key) {
    for (YMap.Entry e : map.entries()) {
      if (e.key().value().equals(key)) {
        return e.value() instanceof YScalar s && !s.isNull() ? Optional.of(s.value()) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
