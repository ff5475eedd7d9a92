package dev.istiolint.core.rule;

/**
 * A check over the mesh snapshot. Implementations are stateless, annotated with {@link RuleInfo} and have a public
 * no-argument constructor; one instance may serve several runs and threads at once.
 *
 * <p>Rules never parse YAML, read files, log, or catch exceptions: they ask the {@link RuleContext} for the typed
 * model and report through it. A rule that throws becomes an internal-error finding; the run continues.
 */
public interface LintRule {

  /** Inspects the mesh and reports findings through {@code ctx}. */
  void check(RuleContext ctx);

  /** This rule's metadata, from its {@link RuleInfo}. */
  default RuleMeta meta() {
    return RuleMeta.of(getClass());
  }
}
