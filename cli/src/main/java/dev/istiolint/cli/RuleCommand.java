package dev.istiolint.cli;

import dev.istiolint.core.LintException;
import dev.istiolint.core.rule.RuleMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code istio-lint rule ID}: prints the rule's documentation from the jar, offline. */
@Command(name = "rule", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Print the documentation of one rule.")
final class RuleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "A rule id such as YAML001 (see 'istio-lint rules').")
  String id;

  @Override
  public Integer call() throws IOException {
    String wanted = id.toUpperCase(Locale.ROOT);
    RuleMeta meta =
        InputOptions.catalogue().stream()
            .filter(r -> r.id().equals(wanted))
            .findFirst()
            .orElseThrow(() -> new LintException(LintException.Kind.USAGE, "unknown rule id: " + id + "; see 'istio-lint rules'"));
    try (InputStream in = RuleCommand.class.getClassLoader().getResourceAsStream(meta.docResource())) {
      if (in == null) {
        spec.commandLine().getOut().printf("# %s %s%n%n%s%n%nSee %s%n", meta.id(), meta.name(), meta.summary(), meta.docUrl());
      } else {
        spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return ExitCode.OK.code();
  }
}
