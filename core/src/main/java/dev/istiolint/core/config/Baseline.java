package dev.istiolint.core.config;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.model.ResourceRef;
import dev.istiolint.core.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Findings accepted earlier ({@code --write-baseline}); a run with {@code --baseline} reports only the others. An
 * entry matches a finding with the same rule id, resource and {@link Fingerprint}, wherever the line moved; each entry
 * absorbs one finding.
 */
public record Baseline(List<Baseline.Entry> entries) {

  /** A baseline larger than this is refused before it is read (a device such as /dev/zero never ends). */
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  /** One accepted finding. {@code file} and {@code line} are informative only; they do not take part in matching. */
  public record Entry(String ruleId, String resource, String fingerprint, String file, int line) {
    public Entry {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(file, "file");
    }

    String key() {
      return ruleId + '\n' + resource + '\n' + fingerprint;
    }
  }

  public Baseline {
    entries = List.copyOf(entries);
  }

  /** The baseline that accepts every finding of {@code result}. */
  public static Baseline of(LintResult result) {
    List<Entry> out = new ArrayList<>();
    for (Diagnostic d : result.findings()) {
      String line = result.sourceLine(d.span().file(), d.span().startLine()).orElse("");
      out.add(
          new Entry(
              d.ruleId(),
              d.resource().map(ResourceRef::toString).orElse(""),
              Fingerprint.of(d, line),
              d.span().file(),
              d.span().startLine()));
    }
    return new Baseline(out);
  }

  /** The findings that no entry accepts; {@code fingerprint} computes a finding's {@link Fingerprint}. */
  public List<Diagnostic> unmatched(List<Diagnostic> findings, Function<Diagnostic, String> fingerprint) {
    Map<String, Integer> budget = new HashMap<>();
    entries.forEach(e -> budget.merge(e.key(), 1, Integer::sum));
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : findings) {
      String key = d.ruleId() + '\n' + d.resource().map(ResourceRef::toString).orElse("") + '\n' + fingerprint.apply(d);
      Integer left = budget.get(key);
      if (left != null && left > 0) {
        budget.put(key, left - 1);
      } else {
        out.add(d);
      }
    }
    return out;
  }

  /** The baseline file's text (JSON, deterministic). */
  public String toJson() {
    List<Object> items = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ruleId", e.ruleId());
      m.put("resource", e.resource());
      m.put("fingerprint", e.fingerprint());
      m.put("file", e.file());
      m.put("line", e.line());
      items.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1);
    root.put("findings", items);
    return Json.write(root);
  }

  /** Reads a baseline file written by {@link #toJson()}. */
  public static Baseline read(Path file) {
    byte[] bytes;
    try {
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new LintException(LintException.Kind.USAGE, "the baseline " + file + " is not a regular file");
      }
      if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
        throw new LintException(LintException.Kind.USAGE, "the baseline file " + file + " is larger than 64 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LintException(LintException.Kind.USAGE, "baseline file not found: " + file, e);
    } catch (IOException e) {
      throw new LintException(LintException.Kind.IO, "cannot read the baseline file " + file, e);
    }
    try {
      JsonNode root = JsonMapper.builder().build().readTree(bytes);
      JsonNode items = root.path("findings");
      if (!root.path("version").isNumber() || root.path("version").asInt() != 1 || !items.isArray()) {
        throw invalid(file, "expected {\"version\": 1, \"findings\": [...]}", null);
      }
      List<Entry> out = new ArrayList<>();
      for (JsonNode n : items.values()) {
        out.add(
            new Entry(
                text(file, n, "ruleId"),
                text(file, n, "resource"),
                text(file, n, "fingerprint"),
                n.path("file").asString(""),
                n.path("line").asInt(0)));
      }
      return new Baseline(out);
    } catch (JacksonException e) {
      throw invalid(file, "not valid JSON", e);
    }
  }

  private static String text(Path file, JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.isString()) {
      throw invalid(file, "an entry lacks the string field " + field, null);
    }
    return v.asString();
  }

  private static LintException invalid(Path file, String why, Throwable cause) {
    return new LintException(LintException.Kind.USAGE, "invalid baseline file " + file + ": " + why, cause);
  }
}
