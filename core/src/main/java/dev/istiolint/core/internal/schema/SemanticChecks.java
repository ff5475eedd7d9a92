package dev.istiolint.core.internal.schema;

import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.rule.CoreRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The checks Istio's own validation (the admission webhook, {@code istioctl validate}) performs beyond the schema,
 * reported as SCHEMA008 (istioctl's IST0106). Dispatches by kind to a table of checks per API area; the shared
 * vocabulary (hosts, exportTo, regexes) lives here.
 */
final class SemanticChecks {

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?");
  private static final Pattern RE2_UNSUPPORTED = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]");

  private final String kind;
  private final JsonNode root;
  private final DocumentFindings out;

  private SemanticChecks(String kind, JsonNode root, DocumentFindings out) {
    this.kind = kind;
    this.root = root;
    this.out = out;
  }

  /** The API areas with checks of their own. */
  private enum Area {
    NETWORKING,
    SECURITY,
    EXTENSIONS
  }

  /** The area whose checks read documents of {@code kind}; null for the kinds whose schema says it all. */
  private static Area area(String kind) {
    return switch (kind) {
      case "DestinationRule", "VirtualService", "Gateway", "ServiceEntry", "Sidecar", "WorkloadEntry" ->
          Area.NETWORKING;
      case "PeerAuthentication", "AuthorizationPolicy", "RequestAuthentication", "Policy", "MeshPolicy" ->
          Area.SECURITY;
      case "Telemetry", "WasmPlugin", "TrafficExtension" -> Area.EXTENSIONS;
      default -> null; // Kubernetes kinds and the other Istio kinds
    };
  }

  /** True when documents of {@code kind} have checks beyond the schema. */
  static boolean reads(String kind) {
    return area(kind) != null;
  }

  static void run(String kind, JsonNode root, DocumentFindings out) {
    Area area = area(kind);
    if (area == null) {
      return;
    }
    SemanticChecks c = new SemanticChecks(kind, root, out);
    JsonNode spec = root.path("spec");
    switch (area) {
      case NETWORKING -> NetworkingValidation.check(c, kind, spec);
      case SECURITY -> SecurityValidation.check(c, kind, spec);
      case EXTENSIONS -> ExtensionValidation.check(c, kind, spec);
    }
  }

  String namespace() {
    return root.path("metadata").path("namespace").asString("");
  }

  String name() {
    return root.path("metadata").path("name").asString("");
  }

  /** Reports an Istio validation error at the value of {@code pointer} (or its key when {@code atKey}). */
  void error(String pointer, boolean atKey, String message) {
    out.report(CoreRules.SCHEMA_ISTIO_VALIDATION, pointer, atKey, message);
  }

  /** Reports an Istio validation error that holds only for the given versions, at the key of {@code pointer}. */
  void errorFor(String pointer, String message, Optional<IstioVersion> since, Optional<IstioVersion> until) {
    out.reportVersioned(CoreRules.SCHEMA_ISTIO_VALIDATION, pointer, true, message, since, until);
  }

  int lineOf(String pointer) {
    return out.spanOf(pointer, false).startLine();
  }

  /** Calls {@code each} with the pointer and node of every item of the array at {@code field} of {@code node}. */
  static void items(JsonNode node, String pointer, String field, BiConsumer<String, JsonNode> each) {
    JsonNode a = node.path(field);
    if (!a.isArray()) {
      return;
    }
    for (int i = 0; i < a.size(); i++) {
      each.accept(JsonPointers.child(JsonPointers.child(pointer, field), i), a.get(i));
    }
  }

  static String at(String pointer, String field) {
    return JsonPointers.child(pointer, field);
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
  }

  static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode a = node.path(field);
    if (a.isArray()) {
      a.forEach(v -> out.add(v.isString() ? v.stringValue() : ""));
    }
    return out;
  }

  static boolean isIpAddress(String host) {
    boolean digitFirst = !host.isEmpty() && host.charAt(0) >= '0' && host.charAt(0) <= '9';
    return (digitFirst && IPV4.matcher(host).matches())
        || (host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+"));
  }

  /**
   * Why {@code host} is not a valid host name (a DNS name whose first label may be a wildcard such as {@code *} or
   * {@code *.example.com}), or empty when it is valid.
   */
  static Optional<String> hostProblem(String host) {
    if (host.isEmpty()) {
      return Optional.of("the host must not be empty");
    }
    if (host.length() > 255) {
      return Optional.of("the host is longer than 255 characters");
    }
    String[] parts = host.split("\\.", 2);
    String first = parts[0];
    boolean firstOk =
        first.length() <= 63
            && (first.equals("*") || dnsLabelForm(first.startsWith("*") ? first.substring(1) : first));
    if (!firstOk) {
      return Optional.of("label `" + ValueText.cut(first) + "` is not a valid DNS label");
    }
    if (parts.length == 1) {
      return Optional.empty();
    }
    String[] labels = parts[1].split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      String l = labels[i];
      if (i == labels.length - 1 && l.isEmpty()) {
        break;
      }
      if (l.length() > 63 || !dnsLabelForm(l)) {
        return Optional.of("label `" + ValueText.cut(l) + "` is not a valid DNS label");
      }
    }
    String tld = labels[labels.length - 1];
    if (!tld.isEmpty() && tld.chars().allMatch(Character::isDigit)) {
      return Optional.of("the top-level domain `" + tld + "` cannot be all digits");
    }
    return Optional.empty();
  }

  static boolean isDnsLabel(String s) {
    return s.length() <= 63 && dnsLabelForm(s);
  }

  /** {@code [a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?}, any length. */
  static boolean dnsLabelForm(String s) {
    int n = s.length();
    if (n == 0 || !isAlphanumeric(s.charAt(0)) || !isAlphanumeric(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (c != '-' && !isAlphanumeric(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Checks a host field: reports an invalid host name (IP addresses are left alone). */
  void checkHost(String pointer, String host, boolean wildcardAllowed) {
    if (isIpAddress(host)) {
      return;
    }
    if (host.isEmpty()) {
      error(pointer, false, "the host must not be empty; name a service, such as reviews.default.svc.cluster.local");
      return;
    }
    if (!wildcardAllowed && host.equals("*")) {
      error(pointer, false, "host `*` is not allowed in a " + kind + "; name the hosts");
      return;
    }
    hostProblem(host)
        .ifPresent(p -> error(pointer, false, "invalid host `" + ValueText.cut(host) + "`: " + p));
  }

  /** Istio's exportTo rules; {@code noneAllowed} is false where {@code ~} is rejected. */
  void checkExportTo(JsonNode spec, String specPointer, boolean noneAllowed, boolean onlyOwnNamespace) {
    List<String> values = texts(spec, "exportTo");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      String p = JsonPointers.child(at(specPointer, "exportTo"), i);
      if (onlyOwnNamespace && !v.equals(".") && !(v.equals(namespace()) && !v.isEmpty())) {
        error(
            p,
            false,
            "a DestinationRule with a workloadSelector can only be exported to its own namespace (\".\"), not `"
                + ValueText.cut(v)
                + "`");
      } else if (v.equals("~") && !noneAllowed) {
        error(p, false, "exportTo `~` (export to no namespace) is not allowed in a " + kind);
      } else if (!v.equals(".") && !v.equals("*") && !v.equals("~") && !isDnsLabel(v)) {
        error(p, false, "exportTo `" + ValueText.cut(v) + "` is neither \".\", \"*\", \"~\" nor a namespace name");
      }
      if (seen.contains(v)) {
        error(p, false, "duplicate exportTo entry `" + ValueText.cut(v) + "`");
      }
      seen.add(v);
    }
    if (seen.contains("*") && seen.size() > 1) {
      error(
          at(specPointer, "exportTo"),
          true,
          "exportTo mixes `*` (all namespaces) with other entries; use `*` alone or list the namespaces");
    }
    if (seen.contains("~") && seen.size() > 1) {
      error(at(specPointer, "exportTo"), true, "exportTo mixes `~` (no namespace) with other entries");
    }
  }

  /**
   * Checks a regular expression for Envoy's RE2 engine. Java's engine is used as an approximation; lookaround and
   * backreferences, which RE2 lacks, are rejected explicitly.
   */
  void checkRegex(String pointer, String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      error(pointer, false, "invalid regular expression `" + ValueText.cut(regex) + "`: " + e.getDescription());
      return;
    }
    if (RE2_UNSUPPORTED.matcher(regex).find()) {
      error(
          pointer,
          false,
          "regular expression `"
              + ValueText.cut(regex)
              + "` uses lookaround or a backreference, which Envoy's RE2 engine does not support");
    }
  }

  /** Checks the regex of a string match ({@code exact}, {@code prefix} or {@code regex}) at {@code pointer}. */
  void checkStringMatch(JsonNode match, String pointer) {
    text(match, "regex").ifPresent(r -> checkRegex(at(pointer, "regex"), r));
  }

  /** Reports when more than one of {@code fields} is set on {@code node}: the API accepts only one. */
  void atMostOne(JsonNode node, String pointer, String... fields) {
    List<String> set = new ArrayList<>();
    for (String f : fields) {
      if (node.has(f)) {
        set.add(f);
      }
    }
    if (set.size() > 1) {
      String last = set.get(0);
      for (String f : set) {
        if (out.spanOf(at(pointer, f), true).compareTo(out.spanOf(at(pointer, last), true)) > 0) {
          last = f;
        }
      }
      error(
          at(pointer, last),
          true,
          "set only one of `" + String.join("`, `", fields) + "`; this sets `" + String.join("` and `", set) + "`");
    }
  }

  /** Label maps used as selectors allow no wildcards and no empty keys. */
  void selectorLabels(JsonNode labels, String pointer) {
    if (!labels.isObject()) {
      return;
    }
    for (java.util.Map.Entry<String, JsonNode> e : labels.properties()) {
      String p = JsonPointers.child(pointer, e.getKey());
      if (e.getKey().isEmpty()) {
        error(p, true, "a selector label key must not be empty");
      } else if (e.getKey().contains("*")) {
        error(p, true, "wildcards are not allowed in selector label keys");
      }
      if (e.getValue().isString() && e.getValue().stringValue().contains("*")) {
        error(p, false, "wildcards are not allowed in selector label values");
      }
    }
  }

  /** Policy target references cannot name another namespace. */
  void targetRefs(JsonNode spec, String specPointer) {
    java.util.function.BiConsumer<String, JsonNode> one =
        (p, ref) -> {
          String ns = ref.path("namespace").asString("");
          if (!ns.isEmpty()) {
            error(
                at(p, "namespace"),
                false,
                "a target reference cannot name another namespace (`" + ValueText.cut(ns) + "`)");
          }
        };
    if (spec.path("targetRef").isObject()) {
      one.accept(at(specPointer, "targetRef"), spec.get("targetRef"));
    }
    items(spec, specPointer, "targetRefs", one);
  }

  /** Checks a percentage in the range 0 to 100. */
  void checkPercent(JsonNode value, String pointer, String what) {
    double v = value.isNumber() ? value.asDouble() : 0;
    if (Double.isFinite(v) && (v < 0 || v > 100)) {
      error(pointer, false, what + " must be between 0 and 100, not " + ValueText.show(value));
    }
  }
}
