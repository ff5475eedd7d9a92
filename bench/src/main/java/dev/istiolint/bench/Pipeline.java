package dev.istiolint.bench;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.internal.decode.ResourceDecoder;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.List;

/** The measured stages. The load + decode stage calls core's internal loader and decoder, as LintRun does. */
final class Pipeline {

  private Pipeline() {}

  /** Load and decode one file, as LintRun does per file; returns the number of resources. */
  static int loadAndDecode(String displayPath, byte[] content) {
    LoadedFile file = new YamlLoader().load(displayPath, content);
    ResourceDecoder decoder = new ResourceDecoder("default");
    int resources = 0;
    for (YDocument doc : file.documents()) {
      if (decoder.decode(doc).resource().isPresent()) {
        resources++;
      }
    }
    return resources;
  }

  /** The whole analysis through the public facade, with every built-in rule. */
  static LintResult lint(Path corpus) {
    return lint(List.of(corpus), corpus);
  }

  static LintResult lint(List<Path> paths, Path baseDirectory) {
    LintRequest request =
        LintRequest.builder().paths(paths).baseDirectory(baseDirectory).rules(BenchRules.all()).build();
    return Linter.lint(request);
  }
}
