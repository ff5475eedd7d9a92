package dev.istiolint.core.internal.schema;

import static dev.istiolint.core.internal.schema.SemanticChecks.at;
import static dev.istiolint.core.internal.schema.SemanticChecks.items;
import static dev.istiolint.core.internal.schema.SemanticChecks.text;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The checks Istio's CRDs make on telemetry.istio.io and extensions.istio.io resources, beyond the schema. */
final class ExtensionValidation {

  private static final String SPEC = "/spec";

  private ExtensionValidation() {}

  static void check(SemanticChecks c, String kind, JsonNode spec) {
    if (!spec.isObject()) {
      return;
    }
    c.atMostOne(spec, SPEC, "selector", "targetRef", "targetRefs");
    c.targetRefs(spec, SPEC);
    c.selectorLabels(spec.path("selector").path("matchLabels"), at(at(SPEC, "selector"), "matchLabels"));
    switch (kind) {
      case "Telemetry" -> telemetry(c, spec);
      case "WasmPlugin" -> vmConfig(c, spec.path("vmConfig"), at(SPEC, "vmConfig"));
      case "TrafficExtension" -> {
        if (spec.has("wasm") == spec.has("lua")) {
          c.error(SPEC, false, "a TrafficExtension needs exactly one of `wasm` and `lua`");
        }
        vmConfig(c, spec.path("wasm").path("vmConfig"), at(at(SPEC, "wasm"), "vmConfig"));
      }
      default -> {
        // nothing else
      }
    }
  }

  private static void telemetry(SemanticChecks c, JsonNode spec) {
    items(
        spec,
        SPEC,
        "metrics",
        (mp, metrics) ->
            items(
                metrics,
                mp,
                "overrides",
                (op, override) -> {
                  c.atMostOne(override.path("match"), at(op, "match"), "metric", "customMetric");
                  JsonNode tags = override.path("tagOverrides");
                  if (!tags.isObject()) {
                    return;
                  }
                  for (Map.Entry<String, JsonNode> e : tags.properties()) {
                    String tp = JsonPointers.child(at(op, "tagOverrides"), e.getKey());
                    String operation = text(e.getValue(), "operation").orElse("UPSERT");
                    String value = text(e.getValue(), "value").orElse("");
                    if (operation.equals("UPSERT") && value.isEmpty()) {
                      c.error(tp, true, "tag override `" + ValueText.cut(e.getKey()) + "` needs a `value` to upsert");
                    }
                    if (operation.equals("REMOVE") && e.getValue().has("value")) {
                      c.error(at(tp, "value"), true, "a tag override that removes a tag cannot set `value`");
                    }
                  }
                }));
  }

  private static void vmConfig(SemanticChecks c, JsonNode vmConfig, String pointer) {
    items(
        vmConfig,
        pointer,
        "env",
        (p, env) -> {
          if (text(env, "valueFrom").orElse("INLINE").equals("HOST") && env.has("value")) {
            c.error(at(p, "value"), true, "`value` can only be set when `valueFrom` is INLINE");
          }
        });
  }
}
