package dev.istiolint.core.internal.decode;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YSeq;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the MeshConfig fields istio-lint uses from a mapping, and parses the YAML string of a ConfigMap's
 * {@code data.mesh}. Problems (not YAML, not a mapping, a field of the wrong type) are reported, never ignored.
 */
public final class MeshConfigReader {

  /** A MeshConfig and the problems found reading it. */
  public record Result(Optional<MeshConfig> meshConfig, List<String> problems, List<SourceSpan> problemSpans) {
    public Result {
      problems = List.copyOf(problems);
      problemSpans = List.copyOf(problemSpans);
    }
  }

  private MeshConfigReader() {}

  /** Reads a MeshConfig mapping (a {@code --mesh-config} file, {@code spec.meshConfig}, parsed {@code data.mesh}). */
  static MeshConfig read(YMap mc, NodeReader r, List<String> problems, List<SourceSpan> spans) {
    check(mc, "rootNamespace", Kind.STRING, r, problems, spans);
    check(mc, "trustDomain", Kind.STRING, r, problems, spans);
    check(mc, "enableAutoMtls", Kind.BOOL, r, problems, spans);
    check(mc, "defaultDestinationRuleExportTo", Kind.LIST, r, problems, spans);
    check(mc, "defaultServiceExportTo", Kind.LIST, r, problems, spans);
    check(mc, "defaultVirtualServiceExportTo", Kind.LIST, r, problems, spans);
    check(mc, "authPolicy", Kind.STRING, r, problems, spans);
    Optional<Located<String>> outbound = r.map(mc, "outboundTrafficPolicy").flatMap(o -> r.str(o, "mode"));
    return new MeshConfig(
        r.str(mc, "rootNamespace"),
        r.bool(mc, "enableAutoMtls"),
        r.strings(mc, "defaultDestinationRuleExportTo"),
        r.strings(mc, "defaultServiceExportTo"),
        r.strings(mc, "defaultVirtualServiceExportTo"),
        r.str(mc, "trustDomain"),
        r.str(mc, "authPolicy"),
        outbound,
        r.span(mc),
        r.map(mc, "defaultConfig").map(dc -> r.stringMap(dc, "proxyMetadata")).orElse(Map.of()),
        extensionProviders(mc, r),
        r.map(mc, "defaultProviders").map(dp -> r.strings(dp, "accessLogging")).orElse(List.of()));
  }

  private static List<MeshConfig.ExtensionProvider> extensionProviders(YMap mc, NodeReader r) {
    List<MeshConfig.ExtensionProvider> out = new ArrayList<>();
    for (YMap p : r.maps(mc, "extensionProviders")) {
      Optional<Located<String>> name = r.str(p, "name");
      if (name.isEmpty()) {
        continue;
      }
      String type = "";
      for (YMap.Entry e : p.entries()) {
        if (!e.key().value().equals("name")) {
          type = e.key().value();
          break;
        }
      }
      out.add(new MeshConfig.ExtensionProvider(name.get(), type));
    }
    return out;
  }

  /** Reads a mapping as a MeshConfig with positions as they are. */
  public static Result read(YMap mc) {
    List<String> problems = new ArrayList<>();
    List<SourceSpan> spans = new ArrayList<>();
    MeshConfig out = read(mc, NodeReader.DIRECT, problems, spans);
    return new Result(Optional.of(out), problems, spans);
  }

  private enum Kind {
    STRING,
    BOOL,
    LIST
  }

  private static void check(YMap mc, String key, Kind kind, NodeReader r, List<String> problems, List<SourceSpan> spans) {
    Optional<YNode> v = mc.get(key);
    if (v.isEmpty() || (v.get() instanceof YScalar s && s.isNull())) {
      return;
    }
    boolean ok =
        switch (kind) {
          case STRING -> v.get() instanceof YScalar;
          case BOOL -> v.get() instanceof YScalar s && s.plain() && NodeReader.parseBool(s.value()).isPresent();
          case LIST -> v.get() instanceof YSeq;
        };
    if (!ok) {
      problems.add(
          key
              + " must be "
              + switch (kind) {
                case STRING -> "a string";
                case BOOL -> "true or false";
                case LIST -> "a list";
              });
      spans.add(r.span(v.get()));
    }
  }

  /**
   * Parses the YAML text of {@code data.mesh} (the value node {@code value}, written under the key {@code key}) with
   * the project's loader. Positions inside a block scalar map to the ConfigMap's lines; otherwise to the value.
   */
  static Optional<MeshConfig> parseEmbedded(
      YScalar key, YScalar value, ResourceRef ref, List<Diagnostic> sink) {
    SourceSpan at = value.span();
    UnaryOperator<SourceSpan> mapper = mapperFor(key, value);
    String text = value.value();
    if (text.isBlank()) {
      return Optional.of(MeshConfig.empty(at));
    }
    LoadedFile loaded = new YamlLoader().load(at.file(), text.getBytes(StandardCharsets.UTF_8));
    if (!loaded.problems().isEmpty()) {
      Diagnostic first = loaded.problems().get(0);
      sink.add(problem(ref, mapper.apply(first.span()), "data.mesh of " + ref.id() + " is not valid YAML: " + first.message()));
      return Optional.empty();
    }
    if (loaded.documents().isEmpty()) {
      return Optional.of(MeshConfig.empty(at));
    }
    YNode root = loaded.documents().get(0).root();
    if (root instanceof YScalar s && s.isNull()) {
      return Optional.of(MeshConfig.empty(at));
    }
    if (!(root instanceof YMap map)) {
      sink.add(problem(ref, at, "data.mesh of " + ref.id() + " must be a YAML mapping of MeshConfig fields"));
      return Optional.empty();
    }
    NodeReader r = new NodeReader(mapper);
    List<String> problems = new ArrayList<>();
    List<SourceSpan> spans = new ArrayList<>();
    MeshConfig mc = read(map, r, problems, spans);
    for (int i = 0; i < problems.size(); i++) {
      sink.add(problem(ref, spans.get(i), "invalid mesh config in data.mesh of " + ref.id() + ": " + problems.get(i)));
    }
    return Optional.of(mc);
  }

  /** Reads {@code spec.meshConfig} of an IstioOperator, reporting fields of the wrong type. */
  static MeshConfig readInManifest(YMap mc, ResourceRef ref, String where, List<Diagnostic> sink) {
    List<String> problems = new ArrayList<>();
    List<SourceSpan> spans = new ArrayList<>();
    MeshConfig out = read(mc, NodeReader.DIRECT, problems, spans);
    for (int i = 0; i < problems.size(); i++) {
      sink.add(problem(ref, spans.get(i), "invalid mesh config in " + where + " of " + ref.id() + ": " + problems.get(i)));
    }
    return out;
  }

  static Diagnostic problem(ResourceRef ref, SourceSpan at, String message) {
    return new Diagnostic(
        CoreRules.INVALID_MESH_CONFIG,
        CoreRules.INVALID_MESH_CONFIG.defaultSeverity(),
        message,
        at,
        Optional.of(ref),
        List.of());
  }

  private static UnaryOperator<SourceSpan> mapperFor(YScalar key, YScalar value) {
    SourceSpan at = value.span();
    int lines = 1;
    String text = value.value();
    for (int i = 0; i < text.length() - 1; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    boolean block = !value.plain() && text.indexOf('\n') >= 0 && at.endLine() - at.startLine() >= lines;
    if (!block) {
      return s -> at;
    }
    int base = at.startLine();
    int indent = key.span().startColumn() + 2;
    return s ->
        new SourceSpan(
            at.file(),
            base + s.startLine(),
            indent + s.startColumn() - 1,
            base + s.endLine(),
            s.endLine() == s.startLine()
                ? Math.max(indent + s.endColumn() - 1, indent + s.startColumn() - 1)
                : indent + s.endColumn() - 1);
  }
}
