package dev.istiolint.cli;

import dev.istiolint.core.rule.RuleMeta;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code istio-lint rules}: the table of every rule istio-lint knows. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List every rule: id, name, istioctl code, default severity, summary.")
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleMeta> rules = InputOptions.catalogue().stream().sorted(Comparator.comparing(RuleMeta::id)).toList();
    int name = rules.stream().mapToInt(r -> r.name().length()).max().orElse(4);
    String row = "%-8s %-" + name + "s %-8s %-8s %s%n";
    out.printf(row, "ID", "NAME", "ISTIO", "SEVERITY", "SUMMARY");
    for (RuleMeta r : rules) {
      out.printf(row, r.id(), r.name(), r.istioCode().orElse("-"), r.defaultSeverity().label(), r.summary());
    }
    return ExitCode.OK.code();
  }
}
