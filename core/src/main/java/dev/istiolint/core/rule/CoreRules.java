package dev.istiolint.core.rule;

import dev.istiolint.core.diag.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The findings core itself produces: problems reading files and YAML ({@code YAML}), schema and field validation
 * ({@code SCHEMA}), and tool-level notes ({@code LINT}). They have ids, docs and suppressions like any rule, but no
 * {@link LintRule} class: the loader, the validator and the engine report them.
 */
public final class CoreRules {

  public static final RuleMeta DUPLICATE_KEY =
      meta("YAML001", "duplicate-key", Severity.ERROR, "A mapping has the same key twice; one value is silently lost");
  public static final RuleMeta SYNTAX_ERROR =
      meta("YAML002", "yaml-syntax-error", Severity.ERROR, "The document is not valid YAML");
  public static final RuleMeta FILE_TOO_LARGE =
      meta("YAML003", "file-too-large", Severity.ERROR, "The file is larger than the size limit and was not read");
  public static final RuleMeta NESTING_TOO_DEEP =
      meta("YAML004", "nesting-too-deep", Severity.ERROR, "The document nests deeper than the depth limit");
  public static final RuleMeta ALIAS_LIMIT =
      meta(
          "YAML005",
          "alias-limit-exceeded",
          Severity.ERROR,
          "Anchors and aliases expand beyond the node budget, or an alias refers to itself");
  public static final RuleMeta INVALID_ENCODING =
      meta("YAML006", "invalid-encoding", Severity.ERROR, "The file is not valid UTF-8 or has a NUL or control byte");
  public static final RuleMeta UNSUPPORTED_TAG =
      meta("YAML007", "unsupported-tag", Severity.ERROR, "A node carries a tag outside the YAML core schema");
  public static final RuleMeta UNREADABLE_PATH =
      meta(
          "YAML008",
          "unreadable-path",
          Severity.ERROR,
          "A path could not be read: a dangling or looping link, a device, a FIFO or missing permissions");
  public static final RuleMeta TEMPLATE_NOT_YAML =
      meta("YAML009", "template-not-yaml", Severity.ERROR, "The file is a template (Helm, Go) rather than a manifest");
  public static final RuleMeta NOT_A_RESOURCE =
      meta(
          "YAML010",
          "not-a-resource",
          Severity.ERROR,
          "A document is not a mapping with apiVersion, kind and metadata.name");
  public static final RuleMeta NOT_A_MANIFEST =
      meta(
          "YAML011",
          "not-a-manifest",
          Severity.INFO,
          "A YAML document that is not a Kubernetes manifest (no kind and no metadata) was skipped");

  public static final RuleMeta SCHEMA_UNKNOWN_FIELD =
      meta(
          "SCHEMA001",
          "unknown-field",
          Severity.ERROR,
          "A field is not part of the kind's schema and would be rejected or ignored");
  public static final RuleMeta SCHEMA_WRONG_TYPE =
      meta(
          "SCHEMA002",
          "wrong-type",
          Severity.ERROR,
          "A value has the wrong type, such as a string where a number is expected");
  public static final RuleMeta SCHEMA_INVALID_ENUM =
      meta("SCHEMA003", "invalid-enum-value", Severity.ERROR, "A value is not one of the values the field allows");
  public static final RuleMeta SCHEMA_MISSING_REQUIRED =
      meta("SCHEMA004", "missing-required-field", Severity.ERROR, "A required field is missing");
  public static final RuleMeta SCHEMA_INVALID_VALUE =
      meta(
          "SCHEMA005",
          "invalid-value",
          Severity.ERROR,
          "A value is out of range or malformed: a port, a duration, a number that is not finite, a pattern");
  public static final RuleMeta SCHEMA_DEPRECATED_FIELD =
      meta(
          "SCHEMA006",
          "deprecated-field",
          Severity.WARNING,
          "A field or API is deprecated or removed in the selected Istio version; use its replacement");
  public static final RuleMeta SCHEMA_YAML11_VALUE =
      meta(
          "SCHEMA007",
          "yaml11-ambiguous-value",
          Severity.WARNING,
          "An unquoted value such as yes, no, on or off that Kubernetes reads as a boolean (YAML 1.1)");
  public static final RuleMeta SCHEMA_ISTIO_VALIDATION =
      new RuleMeta(
          "SCHEMA008",
          "istio-validation",
          Severity.ERROR,
          "Istio's own validation (istioctl validate, the admission webhook) rejects the resource",
          Optional.of("IST0106"),
          List.of());

  public static final RuleMeta INTERNAL_ERROR =
      meta("LINT001", "internal-error", Severity.ERROR, "istio-lint failed on this resource; please report it");
  public static final RuleMeta UNKNOWN_KIND =
      meta("LINT002", "unknown-kind", Severity.INFO, "The kind is not one istio-lint analyses; it was kept but not checked");
  public static final RuleMeta DUPLICATE_RESOURCE =
      meta(
          "LINT003",
          "duplicate-resource",
          Severity.WARNING,
          "The same kind, namespace and name is defined twice; only one of them reaches the cluster");
  public static final RuleMeta INVALID_MESH_CONFIG =
      meta("LINT004", "invalid-mesh-config", Severity.ERROR, "The mesh configuration cannot be read or is invalid");

  public static final RuleMeta UNUSED_SUPPRESSION =
      meta(
          "LINT005",
          "unused-suppression",
          Severity.WARNING,
          "A suppression (annotation, inline comment) matched no finding; remove it or fix its rule id");
  public static final RuleMeta UNKNOWN_SUPPRESSION_ID =
      meta(
          "LINT006",
          "unknown-suppression-id",
          Severity.WARNING,
          "A suppression names a rule id that does not exist");

  private CoreRules() {}

  /** Every core finding type, in id order. */
  public static List<RuleMeta> all() {
    return List.of(
        DUPLICATE_KEY,
        SYNTAX_ERROR,
        FILE_TOO_LARGE,
        NESTING_TOO_DEEP,
        ALIAS_LIMIT,
        INVALID_ENCODING,
        UNSUPPORTED_TAG,
        UNREADABLE_PATH,
        TEMPLATE_NOT_YAML,
        NOT_A_RESOURCE,
        NOT_A_MANIFEST,
        SCHEMA_UNKNOWN_FIELD,
        SCHEMA_WRONG_TYPE,
        SCHEMA_INVALID_ENUM,
        SCHEMA_MISSING_REQUIRED,
        SCHEMA_INVALID_VALUE,
        SCHEMA_DEPRECATED_FIELD,
        SCHEMA_YAML11_VALUE,
        SCHEMA_ISTIO_VALIDATION,
        INTERNAL_ERROR,
        UNKNOWN_KIND,
        DUPLICATE_RESOURCE,
        INVALID_MESH_CONFIG,
        UNUSED_SUPPRESSION,
        UNKNOWN_SUPPRESSION_ID);
  }

  private static RuleMeta meta(String id, String name, Severity severity, String summary) {
    return new RuleMeta(id, name, severity, summary, Optional.empty(), List.of());
  }
}
