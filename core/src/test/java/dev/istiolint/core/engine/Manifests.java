package dev.istiolint.core.engine;

import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.internal.decode.ResourceDecoder;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: YAML text to a snapshot. */
final class Manifests {

  private Manifests() {}

  static List<Resource> resources(String yaml) {
    LoadedFile f = new YamlLoader().load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    if (!f.problems().isEmpty()) {
      throw new AssertionError(f.problems().toString());
    }
    ResourceDecoder decoder = new ResourceDecoder("default");
    List<Resource> out = new ArrayList<>();
    for (YDocument doc : f.documents()) {
      decoder.decode(doc).resource().ifPresent(out::add);
    }
    return out;
  }

  static MeshSnapshot snapshot(String yaml) {
    return MeshSnapshot.of(resources(yaml));
  }

  static MeshSnapshot snapshot(String yaml, IstioVersion version) {
    return MeshSnapshot.of(resources(yaml), version, Optional.empty());
  }

  static MeshSnapshot snapshot(String yaml, IstioVersion version, MeshConfig file) {
    return MeshSnapshot.of(resources(yaml), version, Optional.of(file));
  }
}
