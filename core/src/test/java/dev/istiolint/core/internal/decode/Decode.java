package dev.istiolint.core.internal.decode;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: loads and decodes YAML text. */
final class Decode {

  final List<Resource> resources = new ArrayList<>();
  final List<Diagnostic> problems = new ArrayList<>();

  static Decode of(String yaml) {
    Decode d = new Decode();
    LoadedFile f = new YamlLoader().load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    d.problems.addAll(f.problems());
    ResourceDecoder decoder = new ResourceDecoder("default");
    for (YDocument doc : f.documents()) {
      ResourceDecoder.Decoded x = decoder.decode(doc);
      x.resource().ifPresent(d.resources::add);
      d.problems.addAll(x.problems());
    }
    return d;
  }

  static <T> T one(String yaml, Class<T> type) {
    Decode d = of(yaml);
    if (d.resources.size() != 1 || !type.isInstance(d.resources.get(0))) {
      throw new AssertionError("expected one " + type.getSimpleName() + " but got " + d.resources + " " + d.problems);
    }
    return type.cast(d.resources.get(0));
  }
}
