package dev.istiolint.bench;

import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Linter;
import dev.istiolint.core.internal.decode.ResourceDecoder;
import dev.istiolint.core.internal.schema.SchemaValidator;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.List;

/**
 * The measured stages. Load, validate and decode call core's internal loader, schema validator and decoder per
 * file, as {@code LintRun} does; the whole analysis goes through the public facade.
 */
final class Pipeline {

  /** One run's per-file tools, as LintRun creates them (schemas compile lazily, once per run and kind). */
  record Tools(YamlLoader loader, SchemaValidator validator, ResourceDecoder decoder) {
    static Tools create() {
      return new Tools(new YamlLoader(), new SchemaValidator("default"), new ResourceDecoder("default"));
    }
  }

  private Pipeline() {}

  /** Load and decode one file; returns the number of resources. */
  static int loadAndDecode(Tools tools, String displayPath, byte[] content) {
    LoadedFile file = tools.loader().load(displayPath, content);
    int resources = 0;
    for (YDocument doc : file.documents()) {
      if (tools.decoder().decode(doc).resource().isPresent()) {
        resources++;
      }
    }
    return resources;
  }

  /** Load, validate against the schemas and decode one file; returns the number of resources plus findings. */
  static int loadValidateAndDecode(Tools tools, String displayPath, byte[] content) {
    LoadedFile file = tools.loader().load(displayPath, content);
    int out = file.problems().size();
    for (YDocument doc : file.documents()) {
      out += tools.validator().validate(doc).findings().size();
      if (tools.decoder().decode(doc).resource().isPresent()) {
        out++;
      }
    }
    return out;
  }

  /** The whole analysis through the public facade, with every built-in rule. */
  static LintResult lint(Path corpus) {
    return lint(List.of(corpus), corpus);
  }

  static LintResult lint(List<Path> paths, Path baseDirectory) {
    return lint(paths, baseDirectory, BuiltInRules.all());
  }

  static LintResult lint(List<Path> paths, Path baseDirectory, List<LintRule> rules) {
    return lint(paths, baseDirectory, rules, 0);
  }

  /** The whole analysis on {@code threads} threads (0: one per processor, as the CLI runs it). */
  static LintResult lint(List<Path> paths, Path baseDirectory, List<LintRule> rules, int threads) {
    LintRequest request =
        LintRequest.builder().paths(paths).baseDirectory(baseDirectory).rules(rules).threads(threads).build();
    return Linter.lint(request);
  }

  /** Every built-in rule except the TLS rules, which read the effective-TLS matrix. */
  static List<LintRule> rulesWithoutTls() {
    return BuiltInRules.all().stream().filter(r -> !r.meta().id().startsWith("TLS")).toList();
  }
}
