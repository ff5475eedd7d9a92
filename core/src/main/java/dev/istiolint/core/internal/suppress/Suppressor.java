package dev.istiolint.core.internal.suppress;

import dev.istiolint.core.config.PerFileIgnore;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies every suppression form in one place: the {@code istio-lint.dev/suppress} annotation, Istio's
 * {@code galley.istio.io/analyze-suppress} (matched on istioCode), inline {@code # istio-lint: disable=ID} comments on
 * the reported line or the line above, and per-file ignores from the configuration. Suppressions that name an unknown
 * id, or that suppress nothing, become warnings.
 */
public final class Suppressor {

  /** The annotation naming istio-lint rule ids. */
  public static final String ANNOTATION = "istio-lint.dev/suppress";

  /** Istio's own annotation naming {@code istioctl analyze} codes; {@code *} means every code. */
  public static final String GALLEY_ANNOTATION = "galley.istio.io/analyze-suppress";

  private static final Pattern INLINE =
      Pattern.compile("(?:^|\\s)#\\s*istio-lint:\\s*disable=\\s*([^\\s,#]+(?:\\s*,\\s*[^\\s,#-][^\\s,#]*)*)");

  private final Map<String, RuleMeta> rulesById;
  private final Predicate<String> enabled;
  private final List<PerFileIgnore> perFileIgnores;

  /**
   * @param rules every known rule (core and registered), to validate ids and map istio codes
   * @param enabled whether a rule id ran in this request (unused suppressions of rules not run are not reported)
   * @param perFileIgnores configuration entries
   */
  public Suppressor(List<RuleMeta> rules, Predicate<String> enabled, List<PerFileIgnore> perFileIgnores) {
    this.rulesById = new HashMap<>();
    rules.forEach(r -> rulesById.putIfAbsent(r.id(), r));
    this.enabled = enabled;
    this.perFileIgnores = List.copyOf(perFileIgnores);
  }

  /** One suppression: where it is written, which ids it names, and which of them matched. */
  private static final class Entry {
    final boolean galley;
    final String id;
    final SourceSpan at;
    final Optional<ResourceRef> resource;
    boolean used;

    Entry(boolean galley, String id, SourceSpan at, Optional<ResourceRef> resource) {
      this.galley = galley;
      this.id = id;
      this.at = at;
      this.resource = resource;
    }
  }

  /**
   * The findings that survive, followed by warnings about the suppressions themselves.
   *
   * @param findings the findings of the run
   * @param resources every decoded resource (for annotations)
   * @param lines the text lines of every file read, by display path (for inline comments)
   */
  public List<Diagnostic> apply(List<Diagnostic> findings, List<Resource> resources, Map<String, List<String>> lines) {
    List<Diagnostic> warnings = new ArrayList<>();
    Map<String, List<Entry>> byResource = new HashMap<>();
    for (Resource r : resources) {
      List<Entry> es = byResource.computeIfAbsent(key(r.ref(), r.span().file()), k -> new ArrayList<>());
      es.addAll(annotation(r, ANNOTATION, false, warnings));
      es.addAll(annotation(r, GALLEY_ANNOTATION, true, warnings));
    }
    Map<String, Map<Integer, List<Entry>>> inline = new HashMap<>();
    lines.forEach((file, text) -> inline.put(file, comments(file, text, warnings)));

    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : findings) {
      if (!suppressed(d, byResource, inline)) {
        kept.add(d);
      }
    }
    for (List<Entry> es : byResource.values()) {
      es.forEach(e -> unused(e, warnings));
    }
    for (Map<Integer, List<Entry>> perLine : inline.values()) {
      perLine.values().forEach(es -> es.forEach(e -> unused(e, warnings)));
    }
    kept.addAll(warnings);
    return kept;
  }

  private boolean suppressed(
      Diagnostic d, Map<String, List<Entry>> byResource, Map<String, Map<Integer, List<Entry>>> inline) {
    boolean hit = false;
    for (PerFileIgnore p : perFileIgnores) {
      hit |= p.covers(d.span().file(), d.ruleId());
    }
    Map<Integer, List<Entry>> comments = inline.getOrDefault(d.span().file(), Map.of());
    for (int line : new int[] {d.span().startLine(), d.span().startLine() - 1}) {
      for (Entry e : comments.getOrDefault(line, List.of())) {
        if (e.id.equals(d.ruleId())) {
          e.used = true;
          hit = true;
        }
      }
    }
    if (d.resource().isPresent()) {
      for (Entry e : byResource.getOrDefault(key(d.resource().get(), d.span().file()), List.of())) {
        boolean match =
            e.galley
                ? d.rule().istioCode().isPresent() && (e.id.equals("*") || e.id.equals(d.rule().istioCode().get()))
                : e.id.equals(d.ruleId());
        if (match) {
          e.used = true;
          hit = true;
        }
      }
    }
    return hit;
  }

  private List<Entry> annotation(Resource r, String name, boolean galley, List<Diagnostic> warnings) {
    Located<String> value = r.metadata().annotations().get(name);
    if (value == null) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (String part : value.value().split(",")) {
      String id = part.trim();
      if (id.isEmpty()) {
        continue;
      }
      if (galley) {
        // istioctl codes we do not implement are legitimate for istioctl itself: keep them, silently
        if (id.equals("*") || hasIstioCode(id)) {
          out.add(new Entry(true, id, value.span(), Optional.of(r.ref())));
        }
      } else if (rulesById.containsKey(id)) {
        out.add(new Entry(false, id, value.span(), Optional.of(r.ref())));
      } else {
        warnings.add(unknownId(id, value.span(), Optional.of(r.ref()), name + " annotation"));
      }
    }
    return out;
  }

  private Map<Integer, List<Entry>> comments(String file, List<String> text, List<Diagnostic> warnings) {
    Map<Integer, List<Entry>> out = new HashMap<>();
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      if (!line.contains("istio-lint:")) {
        continue;
      }
      Matcher m = INLINE.matcher(line);
      if (!m.find()) {
        continue;
      }
      int column = line.codePointCount(0, line.indexOf('#', m.start())) + 1;
      SourceSpan at = SourceSpan.at(file, i + 1, column);
      for (String part : m.group(1).split(",")) {
        String id = part.trim();
        if (rulesById.containsKey(id)) {
          out.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(new Entry(false, id, at, Optional.empty()));
        } else {
          warnings.add(unknownId(id, at, Optional.empty(), "inline comment"));
        }
      }
    }
    return out;
  }

  private boolean hasIstioCode(String code) {
    return rulesById.values().stream().anyMatch(r -> r.istioCode().filter(code::equals).isPresent());
  }

  private void unused(Entry e, List<Diagnostic> warnings) {
    if (e.used) {
      return;
    }
    boolean ran =
        e.galley
            ? rulesById.values().stream()
                .anyMatch(
                    r ->
                        enabled.test(r.id())
                            && r.istioCode().filter(c -> e.id.equals("*") || c.equals(e.id)).isPresent())
            : enabled.test(e.id);
    if (!ran) {
      return;
    }
    String what = e.galley ? "istioctl code " + e.id : e.id;
    warnings.add(
        new Diagnostic(
            CoreRules.UNUSED_SUPPRESSION,
            CoreRules.UNUSED_SUPPRESSION.defaultSeverity(),
            "the suppression of " + what + " matched no finding here; remove it",
            e.at,
            e.resource,
            List.of()));
  }

  private static Diagnostic unknownId(String id, SourceSpan at, Optional<ResourceRef> resource, String where) {
    return new Diagnostic(
        CoreRules.UNKNOWN_SUPPRESSION_ID,
        CoreRules.UNKNOWN_SUPPRESSION_ID.defaultSeverity(),
        "the " + where + " names \"" + id + "\", which is not a rule id; see `istio-lint rules`",
        at,
        resource,
        List.of());
  }

  private static String key(ResourceRef ref, String file) {
    return file + '\n' + ref;
  }
}
