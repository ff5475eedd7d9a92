package dev.istiolint.core.internal.decode;

import dev.istiolint.core.LintException;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.model.ResourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code --mesh-config} file: a MeshConfig YAML, or for convenience the {@code istio} ConfigMap (its
 * {@code data.mesh}) or an IstioOperator (its {@code spec.meshConfig}). Anything unreadable or invalid is a usage
 * error, never ignored.
 */
public final class MeshConfigFile {

  /** Larger than any real mesh config, small enough to never slow a run. */
  private static final long MAX_BYTES = 1024 * 1024;

  private MeshConfigFile() {}

  public static MeshConfig load(Path file, String displayPath) {
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        throw new LintException(LintException.Kind.USAGE, "the mesh config file " + displayPath + " does not exist or is not a file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new LintException(LintException.Kind.USAGE, "the mesh config file " + displayPath + " is larger than 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LintException(
          LintException.Kind.USAGE, "cannot read the mesh config file " + displayPath + ": " + e.getMessage(), e);
    }
    return parse(displayPath, bytes);
  }

  static MeshConfig parse(String displayPath, byte[] bytes) {
    LoadedFile loaded = new YamlLoader().load(displayPath, bytes);
    if (!loaded.problems().isEmpty()) {
      Diagnostic d = loaded.problems().get(0);
      throw usage(displayPath + ":" + d.span().startLine() + ": the mesh config file is not valid YAML: " + d.message());
    }
    if (loaded.documents().isEmpty()) {
      throw usage("the mesh config file " + displayPath + " is empty");
    }
    YNode root = loaded.documents().get(0).root();
    if (!(root instanceof YMap map)) {
      throw usage("the mesh config file " + displayPath + " must be a YAML mapping of MeshConfig fields");
    }
    String kind = map.get("kind").filter(YScalar.class::isInstance).map(n -> ((YScalar) n).value()).orElse("");
    ResourceRef ref = new ResourceRef("v1", new ResourceId(kind.isEmpty() ? "MeshConfig" : kind, "", displayPath));
    List<Diagnostic> problems = new ArrayList<>();
    MeshConfig out;
    switch (kind) {
      case "ConfigMap" -> {
        Optional<YMap.Entry> mesh =
            map.get("data").filter(YMap.class::isInstance).map(YMap.class::cast).flatMap(d -> d.entry("mesh"));
        if (mesh.isEmpty() || !(mesh.get().value() instanceof YScalar s)) {
          throw usage("the ConfigMap in the mesh config file " + displayPath + " has no data.mesh string");
        }
        out = MeshConfigReader.parseEmbedded(mesh.get().key(), s, ref, problems).orElse(null);
      }
      case "IstioOperator" -> {
        Optional<YMap> mc =
            map.get("spec")
                .filter(YMap.class::isInstance)
                .map(YMap.class::cast)
                .flatMap(sp -> sp.get("meshConfig"))
                .filter(YMap.class::isInstance)
                .map(YMap.class::cast);
        if (mc.isEmpty()) {
          throw usage("the IstioOperator in the mesh config file " + displayPath + " has no spec.meshConfig");
        }
        out = MeshConfigReader.readInManifest(mc.get(), ref, "spec.meshConfig", problems);
      }
      default -> {
        MeshConfigReader.Result r = MeshConfigReader.read(map);
        for (int i = 0; i < r.problems().size(); i++) {
          problems.add(MeshConfigReader.problem(ref, r.problemSpans().get(i), r.problems().get(i)));
        }
        out = r.meshConfig().orElseThrow();
      }
    }
    if (!problems.isEmpty()) {
      Diagnostic d = problems.get(0);
      throw usage(d.span() + ": invalid mesh config: " + d.message());
    }
    if (out == null) {
      throw usage("the mesh config file " + displayPath + " holds no readable mesh config");
    }
    return out;
  }

  private static LintException usage(String message) {
    return new LintException(LintException.Kind.USAGE, message);
  }
}
