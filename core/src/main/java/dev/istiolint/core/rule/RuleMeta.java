package dev.istiolint.core.rule;

import dev.istiolint.core.diag.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule's metadata, read from {@link RuleInfo} (or declared by core for the loader, schema and tool-level findings).
 */
public record RuleMeta(
    String id,
    String name,
    Severity defaultSeverity,
    String summary,
    Optional<String> istioCode,
    List<String> kinds) {

  /** The form every id takes: a prefix from {@code TLS AUTHZ ROUTE REF SCHEMA YAML LINT} and three digits. */
  public static final Pattern ID_PATTERN = Pattern.compile("^(TLS|AUTHZ|ROUTE|REF|SCHEMA|YAML|LINT)[0-9]{3}$");

  private static final Pattern NAME_PATTERN = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

  /** Where rule documentation lives, in the rules jar and in the repository. */
  public static final String DOCS_BASE_URL =
      "https://github.com/istio-lint/istio-lint/blob/main/rules/src/main/resources/rule-docs/";

  public RuleMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(istioCode, "istioCode");
    kinds = List.copyOf(kinds);
    if (!ID_PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id " + id + " does not match " + ID_PATTERN);
    }
    if (!NAME_PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException("rule name " + name + " is not kebab-case");
    }
  }

  /** Reads the {@link RuleInfo} of a rule class. */
  public static RuleMeta of(Class<? extends LintRule> type) {
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(type.getName() + " has no @RuleInfo");
    }
    return new RuleMeta(
        info.id(),
        info.name(),
        info.severity(),
        info.summary(),
        info.istioCode().isEmpty() ? Optional.empty() : Optional.of(info.istioCode()),
        List.of(info.kinds()));
  }

  /** Resource path of the rule's markdown documentation inside the rules jar. */
  public String docResource() {
    return "rule-docs/" + id + ".md";
  }

  /** Link to the rule's documentation. */
  public String docUrl() {
    return DOCS_BASE_URL + id + ".md";
  }
}
