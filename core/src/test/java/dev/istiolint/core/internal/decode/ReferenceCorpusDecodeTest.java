package dev.istiolint.core.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.GenericResource;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.rule.CoreRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Decodes every manifest of Istio's own samples and analyzer test data: no exception, no internal error. */
class ReferenceCorpusDecodeTest {

  @Test
  void everyReferenceManifestDecodesWithoutInternalErrors() throws IOException {
    String ref = System.getProperty("istiolint.reference", "");
    Path root = Path.of(ref, "istio");
    assumeTrue(!ref.isEmpty() && Files.isDirectory(root), "reference corpus not available");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    ResourceDecoder decoder = new ResourceDecoder("default");
    List<Resource> all = new ArrayList<>();
    List<Diagnostic> internal = new ArrayList<>();
    Map<String, Integer> generic = new TreeMap<>();
    for (Path f : files) {
      LoadedFile loaded = new YamlLoader().load(root.relativize(f).toString(), Files.readAllBytes(f));
      for (YDocument doc : loaded.documents()) {
        ResourceDecoder.Decoded d = decoder.decode(doc);
        d.problems().stream().filter(p -> p.rule().equals(CoreRules.INTERNAL_ERROR)).forEach(internal::add);
        d.resource().ifPresent(all::add);
        d.resource()
            .filter(GenericResource.class::isInstance)
            .ifPresent(r -> generic.merge(ResourceDecoder.group(r.ref().apiVersion()) + "/" + r.kind(), 1, Integer::sum));
      }
    }
    assertThat(internal).isEmpty();
    assertThat(all).hasSizeGreaterThan(100);
    MeshSnapshot snapshot = MeshSnapshot.of(all);
    assertThat(snapshot.destinationRules()).isNotEmpty();
    assertThat(snapshot.workloads()).isNotEmpty();
    assertThat(generic)
        .doesNotContainKeys(
            "networking.istio.io/DestinationRule",
            "networking.istio.io/VirtualService",
            "networking.istio.io/Gateway",
            "security.istio.io/PeerAuthentication",
            "networking.istio.io/ServiceEntry",
            "apps/Deployment",
            "/Service",
            "security.istio.io/AuthorizationPolicy",
            "networking.istio.io/Sidecar",
            "networking.istio.io/EnvoyFilter",
            "authentication.istio.io/Policy",
            "authentication.istio.io/MeshPolicy");
  }
}
