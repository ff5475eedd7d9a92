package dev.istiolint.core.internal.schema;

import com.networknt.schema.Error;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.rule.CoreRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/** Turns the validator's errors into findings a person can act on, placed at the offending key or value. */
final class ErrorTranslator {

  private static final int MAX_LISTED = 12;

  private final BiFunction<String, String, Optional<JsonNode>> schemas;
  private final TreeConverter.Converted doc;
  private final DocumentFindings out;
  private final String kind;

  ErrorTranslator(
      BiFunction<String, String, Optional<JsonNode>> schemas,
      TreeConverter.Converted doc,
      DocumentFindings out,
      String kind) {
    this.schemas = schemas;
    this.doc = doc;
    this.out = out;
    this.kind = kind;
  }

  void translate(List<Error> errors) {
    for (Error e : errors) {
      String pointer = e.getInstanceLocation().toString();
      if (doc.nonFinite().contains(pointer)) {
        continue;
      }
      String iri = e.getSchemaLocation().getAbsoluteIri().toString();
      String fragment = e.getSchemaLocation().getFragment().toString();
      String keyword = e.getKeyword() == null ? "" : e.getKeyword();
      switch (keyword) {
        case "additionalProperties", "unevaluatedProperties" -> unknownField(pointer, e.getProperty(), iri, fragment);
        case "required" -> {
          String field = e.getProperty();
          out.report(
              CoreRules.SCHEMA_MISSING_REQUIRED,
              pointer,
              true,
              "missing required field `" + field + "` in " + JsonPointers.display(pointer));
        }
        case "type" -> wrongType(pointer, fragment, e.getSchemaNode(), e.getInstanceNode());
        case "enum", "const" -> badEnum(pointer, e.getSchemaNode(), e.getInstanceNode());
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
            outOfRange(pointer, iri, fragment, e.getInstanceNode());
        case "pattern" -> noMatch(pointer, fragment, e.getSchemaNode(), e.getInstanceNode());
        case "maxProperties" -> tooManyMembers(pointer, iri, fragment, e.getInstanceNode());
        case "maxLength" ->
            out.report(
                CoreRules.SCHEMA_INVALID_VALUE,
                pointer,
                false,
                field(pointer) + " is longer than " + e.getSchemaNode() + " characters");
        case "minLength" ->
            out.report(CoreRules.SCHEMA_INVALID_VALUE, pointer, false, field(pointer) + " must not be empty");
        case "minItems" ->
            out.report(
                CoreRules.SCHEMA_INVALID_VALUE,
                pointer,
                false,
                field(pointer)
                    + " needs at least "
                    + e.getSchemaNode()
                    + " item"
                    + (e.getSchemaNode().asInt() == 1 ? "" : "s"));
        case "maxItems" ->
            out.report(
                CoreRules.SCHEMA_INVALID_VALUE,
                pointer,
                false,
                field(pointer) + " allows at most " + e.getSchemaNode() + " items");
        default ->
            out.report(
                CoreRules.SCHEMA_INVALID_VALUE,
                pointer,
                false,
                "invalid value "
                    + ValueText.show(e.getInstanceNode())
                    + " for "
                    + field(pointer)
                    + ": "
                    + e.getMessage());
      }
    }
  }

  private void unknownField(String parent, String name, String iri, String fragment) {
    String pointer = JsonPointers.child(parent, name);
    if (Deprecations.isRemovedField(kind, pointer)) {
      return;
    }
    List<String> known = new ArrayList<>();
    schemas.apply(iri, JsonPointers.parent(fragment))
        .map(s -> s.get("properties"))
        .filter(JsonNode::isObject)
        .ifPresent(p -> known.addAll(p.propertyNames()));
    StringBuilder m = new StringBuilder("unknown field `").append(ValueText.cut(name)).append('`');
    m.append(parent.isEmpty() ? " at the top level" : " in " + JsonPointers.display(parent));
    Optional<String> suggestion = Spelling.closest(name, known);
    if (suggestion.isPresent()) {
      m.append("; did you mean `").append(suggestion.get()).append("`?");
    } else if (!known.isEmpty() && known.size() <= MAX_LISTED) {
      m.append("; known fields: ").append(String.join(", ", known));
    }
    out.report(CoreRules.SCHEMA_UNKNOWN_FIELD, pointer, true, m.toString());
  }

  private void wrongType(String pointer, String fragment, JsonNode expected, JsonNode actual) {
    List<String> types = new ArrayList<>();
    if (expected.isArray()) {
      expected.forEach(t -> types.add(t.asString()));
    } else {
      types.add(expected.asString());
    }
    YScalar scalar = doc.scalarAt(pointer);
    boolean plain = scalar != null && scalar.plain() && scalar.tag().isEmpty();
    if (types.contains("boolean") && plain && Yaml11Values.isYaml11Boolean(scalar.value())) {
      return;
    }
    String shown =
        actual.isValueNode() && !actual.isString() && scalar != null
            ? ValueText.cut(scalar.value())
            : ValueText.show(actual);
    StringBuilder m = new StringBuilder(field(pointer)).append(" must be ");
    List<String> words = types.stream().map(ErrorTranslator::typeWord).toList();
    m.append(String.join(" or ", words)).append(", not ").append(ValueText.typeOf(actual));
    if (actual.isValueNode()) {
      m.append(' ').append(shown);
    }
    if (fragment.startsWith("/$defs/duration/") && actual.isNumber()) {
      m.append("; write a duration with a unit, such as ").append(ValueText.cut(scalar.value())).append('s');
    } else if (types.contains("string") && plain && (actual.isNumber() || actual.isBoolean())) {
      m.append("; quote it: \"").append(ValueText.cut(scalar.value())).append('"');
    }
    out.report(CoreRules.SCHEMA_WRONG_TYPE, pointer, false, m.toString());
  }

  private static String typeWord(String jsonType) {
    return switch (jsonType) {
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "a boolean (true or false)";
      case "object" -> "a map";
      case "array" -> "a list";
      case "null" -> "null";
      default -> jsonType;
    };
  }

  private void badEnum(String pointer, JsonNode allowedNode, JsonNode actual) {
    List<String> allowed = new ArrayList<>();
    if (allowedNode.isArray()) {
      allowedNode.forEach(a -> allowed.add(a.asString()));
    } else {
      allowed.add(allowedNode.asString());
    }
    StringBuilder m = new StringBuilder();
    m.append(ValueText.show(actual)).append(" is not allowed for ").append(field(pointer));
    Optional<String> suggestion =
        actual.isString() ? Spelling.closest(actual.stringValue(), allowed) : Optional.empty();
    if (suggestion.isPresent()) {
      m.append("; did you mean `").append(suggestion.get()).append("`? Allowed: ");
    } else {
      m.append("; allowed: ");
    }
    m.append(String.join(", ", allowed));
    out.report(CoreRules.SCHEMA_INVALID_ENUM, pointer, false, m.toString());
  }

  private void outOfRange(String pointer, String iri, String fragment, JsonNode actual) {
    Optional<JsonNode> schema = schemas.apply(iri, JsonPointers.parent(fragment));
    String min = schema.map(s -> s.get("minimum")).map(JsonNode::asString).orElse(null);
    String max = schema.map(s -> s.get("maximum")).map(JsonNode::asString).orElse(null);
    String value = ValueText.show(actual);
    String message;
    if (fragment.startsWith("/$defs/port/")) {
      message = "port " + value + " is outside 1-65535 (" + field(pointer) + ")";
    } else if (min != null && max != null) {
      message = field(pointer) + " must be between " + min + " and " + max + ", not " + value;
    } else if (min != null) {
      message = field(pointer) + " must be at least " + min + ", not " + value;
    } else {
      message = field(pointer) + " must be at most " + max + ", not " + value;
    }
    out.report(CoreRules.SCHEMA_INVALID_VALUE, pointer, false, message);
  }

  private void noMatch(String pointer, String fragment, JsonNode pattern, JsonNode actual) {
    String message;
    if (fragment.startsWith("/$defs/labelValue/")) {
      message =
          ValueText.show(actual)
              + " is not a valid label value for "
              + field(pointer)
              + "; use letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    } else if (fragment.startsWith("/$defs/resourceName/")) {
      message =
          ValueText.show(actual)
              + " is not a valid name for "
              + field(pointer)
              + "; Kubernetes names use lower-case letters, digits, '-' and '.', starting and ending with a letter"
              + " or digit";
    } else if (fragment.startsWith("/$defs/namespaceName/")) {
      message =
          ValueText.show(actual)
              + " is not a valid namespace name; use lower-case letters, digits and '-', starting and ending with a"
              + " letter or digit";
    } else if (fragment.startsWith("/$defs/duration/")) {
      message =
          ValueText.show(actual)
              + " is not a valid duration for "
              + field(pointer)
              + "; write a number with a unit (h, m, s, ms, us, ns), such as 1s, 3m, 100ms or 1.5s";
    } else {
      message =
          ValueText.show(actual)
              + " is not a valid value for "
              + field(pointer)
              + " (expected the form "
              + pattern.asString()
              + ")";
    }
    out.report(CoreRules.SCHEMA_INVALID_VALUE, pointer, false, message);
  }

  private void tooManyMembers(String pointer, String iri, String fragment, JsonNode actual) {
    List<String> present = new ArrayList<>(actual.propertyNames());
    List<String> choices = new ArrayList<>();
    schemas.apply(iri, JsonPointers.parent(fragment))
        .map(s -> s.get("properties"))
        .filter(JsonNode::isObject)
        .ifPresent(p -> choices.addAll(p.propertyNames()));
    out.report(
        CoreRules.SCHEMA_INVALID_VALUE,
        pointer,
        true,
        field(pointer)
            + " sets "
            + String.join(" and ", present)
            + "; set only one of "
            + String.join(", ", choices));
  }

  private static String field(String pointer) {
    return "`" + JsonPointers.display(pointer) + "`";
  }
}
