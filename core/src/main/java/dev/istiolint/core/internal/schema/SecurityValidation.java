package dev.istiolint.core.internal.schema;

import static dev.istiolint.core.internal.schema.SemanticChecks.at;
import static dev.istiolint.core.internal.schema.SemanticChecks.items;
import static dev.istiolint.core.internal.schema.SemanticChecks.text;

import tools.jackson.databind.JsonNode;

/** Istio's validation of security.istio.io and legacy authentication.istio.io resources, beyond the schema. */
final class SecurityValidation {

  private static final String SPEC = "/spec";

  private final SemanticChecks c;

  private SecurityValidation(SemanticChecks c) {
    this.c = c;
  }

  static void check(SemanticChecks c, String kind, JsonNode spec) {
    SecurityValidation v = new SecurityValidation(c);
    switch (kind) {
      case "PeerAuthentication" -> v.peerAuthentication(spec);
      case "AuthorizationPolicy" -> v.authorizationPolicy(spec);
      case "RequestAuthentication" -> v.requestAuthentication(spec);
      case "MeshPolicy", "Policy" -> v.legacyPolicy(kind, spec);
      default -> {
        // no further checks
      }
    }
  }

  private void selector(JsonNode spec) {
    c.selectorLabels(spec.path("selector").path("matchLabels"), at(at(SPEC, "selector"), "matchLabels"));
  }

  private void targets(JsonNode spec) {
    c.atMostOne(spec, SPEC, "selector", "targetRef", "targetRefs");
    c.targetRefs(spec, SPEC);
  }

  private void peerAuthentication(JsonNode spec) {
    if (!spec.isObject()) {
      return;
    }
    selector(spec);
    JsonNode ports = spec.path("portLevelMtls");
    if (!ports.isObject()) {
      return;
    }
    String p = at(SPEC, "portLevelMtls");
    JsonNode labels = spec.path("selector").path("matchLabels");
    if (!labels.isObject() || labels.isEmpty()) {
      c.error(
          p,
          true,
          "portLevelMtls needs a `selector` with matchLabels; a namespace- or mesh-wide PeerAuthentication cannot"
              + " set port-level mTLS");
    }
    if (ports.isEmpty()) {
      c.error(p, true, "portLevelMtls is empty; remove it or add a port");
    }
    for (String key : ports.propertyNames()) {
      int port = -1;
      try {
        port = Integer.parseInt(key);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        c.error(
            JsonPointers.child(p, key),
            true,
            "portLevelMtls key `" + ValueText.cut(key) + "` is not a port number 1-65535");
      }
    }
  }

  private void authorizationPolicy(JsonNode spec) {
    if (!spec.isObject()) {
      return;
    }
    selector(spec);
    targets(spec);
    String action = text(spec, "action").orElse("ALLOW");
    if (action.equals("CUSTOM") && !spec.path("provider").has("name")) {
      c.error(at(SPEC, "action"), false, "action CUSTOM needs `provider.name`, the extension provider to call");
    }
    if (!action.equals("CUSTOM") && spec.has("provider")) {
      c.error(at(SPEC, "provider"), true, "`provider` is only used with action CUSTOM");
    }
    items(
        spec,
        SPEC,
        "rules",
        (rp, rule) -> {
          items(
              rule,
              rp,
              "from",
              (fp, from) -> {
                JsonNode source = from.path("source");
                if (!source.isObject() || source.isEmpty()) {
                  c.error(fp, false, "a `from` entry needs a non-empty `source`");
                } else if ((source.has("serviceAccounts") || source.has("notServiceAccounts"))
                    && (source.has("principals")
                        || source.has("notPrincipals")
                        || source.has("namespaces")
                        || source.has("notNamespaces"))) {
                  c.error(
                      at(fp, "source"),
                      true,
                      "`serviceAccounts` cannot be combined with `principals` or `namespaces` in one source");
                }
              });
          items(
              rule,
              rp,
              "to",
              (tp, to) -> {
                if (!to.path("operation").isObject() || to.path("operation").isEmpty()) {
                  c.error(tp, false, "a `to` entry needs a non-empty `operation`");
                }
              });
          items(
              rule,
              rp,
              "when",
              (wp, when) -> {
                boolean values = when.path("values").isArray() && !when.path("values").isEmpty();
                boolean notValues = when.path("notValues").isArray() && !when.path("notValues").isEmpty();
                if (!values && !notValues && when.has("key")) {
                  c.error(
                      at(wp, "key"),
                      false,
                      "condition `" + ValueText.cut(when.path("key").asString("")) + "` needs `values` or `notValues`");
                }
              });
        });
  }

  private void requestAuthentication(JsonNode spec) {
    if (!spec.isObject()) {
      return;
    }
    selector(spec);
    targets(spec);
    items(
        spec,
        SPEC,
        "jwtRules",
        (p, rule) -> {
          if (!rule.isObject()) {
            return;
          }
          if (!rule.has("issuer")) {
            c.error(p, false, "a JWT rule needs an `issuer`");
          }
          c.atMostOne(rule, p, "jwks", "jwksUri", "jwks_uri");
          for (String f : new String[] {"jwksUri", "jwks_uri"}) {
            text(rule, f)
                .filter(u -> !u.startsWith("http://") && !u.startsWith("https://"))
                .ifPresent(u -> c.error(at(p, f), false, "`" + f + "` must be an http:// or https:// URL"));
          }
        });
  }

  private void legacyPolicy(String kind, JsonNode spec) {
    String name = c.name();
    if (kind.equals("MeshPolicy") && !name.isEmpty() && !name.equals("default")) {
      c.error("/metadata/name", false, "a MeshPolicy must be named `default`, not `" + ValueText.cut(name) + "`");
    }
    JsonNode targets = spec.path("targets");
    if (targets.isArray() && !targets.isEmpty() && (kind.equals("MeshPolicy") || name.equals("default"))) {
      c.error(
          at(SPEC, "targets"),
          true,
          kind.equals("MeshPolicy")
              ? "a MeshPolicy applies to the whole mesh and cannot have targets"
              : "the Policy named `default` applies to the whole namespace and cannot have targets");
    }
  }
}
