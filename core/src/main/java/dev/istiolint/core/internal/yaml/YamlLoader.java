package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.source.SourceSpan;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads the documents of one file into {@link YNode} trees with 1-based spans, never throwing on bad input: encoding
 * problems, syntax errors, limit breaches, unsupported tags and duplicate keys become findings. After a document that
 * cannot be read, reading resumes at the next {@code ---} line. {@code kind: List} documents (and any {@code *List}
 * kind with an {@code items} list) become one document per item.
 *
 * <p>Thread-safe: an instance holds only immutable settings, so files may be loaded in parallel.
 */
public final class YamlLoader {

  private static final int READ_BUFFER_CHARS = 1024 * 1024;

  private final LoaderLimits limits;
  private final StringPool strings;

  public YamlLoader() {
    this(LoaderLimits.DEFAULT);
  }

  public YamlLoader(LoaderLimits limits) {
    this(limits, new StringPool());
  }

  /** A loader whose scalars go through {@code strings} (one pool per run, shared by every file of the run). */
  public YamlLoader(LoaderLimits limits, StringPool strings) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.strings = Objects.requireNonNull(strings, "strings");
  }

  public LoaderLimits limits() {
    return limits;
  }

  /** The pool of this loader's texts; also reachable from each loaded document ({@link YDocument#strings()}). */
  public StringPool strings() {
    return strings;
  }

  public LoadedFile load(String displayPath, byte[] content) {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(content, "content");
    DecodedText text = TextDecoder.decode(displayPath, content);
    if (text.refused()) {
      return new LoadedFile(List.of(), text.problems());
    }
    List<EventComposer.Root> roots = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    parse(displayPath, text, roots, problems);

    if (text.templateLine() > 0 && problems.stream().anyMatch(d -> d.rule().equals(CoreRules.SYNTAX_ERROR))) {
      List<Diagnostic> only = new ArrayList<>(text.problems());
      only.add(
          new Diagnostic(
              CoreRules.TEMPLATE_NOT_YAML,
              CoreRules.TEMPLATE_NOT_YAML.defaultSeverity(),
              "the file contains template actions ({{ ... }}) and is not plain YAML; render it first (for example with"
                  + " helm template) and lint the output",
              SourceSpan.at(displayPath, text.templateLine(), text.templateColumn()),
              Optional.empty(),
              List.of()));
      return new LoadedFile(List.of(), only);
    }
    List<Diagnostic> all = new ArrayList<>(text.problems());
    all.addAll(new LinkedHashSet<>(problems));
    return new LoadedFile(documents(displayPath, roots), all);
  }

  /** Parses the whole text, resuming after each document that cannot be read at the next document start. */
  private void parse(String file, DecodedText text, List<EventComposer.Root> roots, List<Diagnostic> problems) {
    int startLine = 0;
    int startOffset = 0;
    int stops = 0;
    int nextRestart = 0;
    EventComposer.FileBudget budget = new EventComposer.FileBudget();
    while (true) {
      StringReader reader = new StringReader(text.text());
      try {
        reader.skip(startOffset);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringReader never fails
      }
      LoadSettings settings = settings(text.text().length() - startOffset);
      ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, reader));
      EventComposer.Stop stop = new EventComposer(file, startLine, budget, limits, strings, roots, problems).run(parser);
      if (stop.endOfStream() || stop.fatal()) {
        return;
      }
      stops++;
      int errorLine = stop.line() - 1;
      // the parser fails at column 1 of a "---" line when the previous document is unfinished: resume right there
      boolean resumeHere = stop.parserError() && stop.column() == 1;
      int[] lines = text.restartLines();
      while (nextRestart < lines.length
          && (lines[nextRestart] <= startLine
              || lines[nextRestart] < errorLine
              || (lines[nextRestart] == errorLine && !resumeHere))) {
        nextRestart++;
      }
      if (nextRestart == lines.length) {
        return;
      }
      if (stops >= limits.maxProblemsPerFile()) {
        problems.add(
            new Diagnostic(
                CoreRules.SYNTAX_ERROR,
                CoreRules.SYNTAX_ERROR.defaultSeverity(),
                stops + " documents of this file could not be read; the rest of the file was skipped",
                SourceSpan.at(file, lines[nextRestart] + 1, 1),
                Optional.empty(),
                List.of()));
        return;
      }
      startLine = lines[nextRestart];
      startOffset = text.restartOffsets()[nextRestart];
    }
  }

  /**
   * Parser settings for {@code length} chars of text. The reader copies its whole window at every buffer refill
   * inside one long scalar, so the default 1 KiB buffer makes an 8 MiB scalar take many seconds; a 1 MiB buffer makes
   * that cost negligible without allocating the whole text again after each recovery. The size cap is enforced
   * before reading, so the parser's own code point limit is lifted.
   */
  private static LoadSettings settings(int length) {
    return LoadSettings.builder()
        .setUseMarks(true)
        .setParseComments(false)
        .setCodePointLimit(Integer.MAX_VALUE)
        .setVersionFunction(version -> version) // the composer reports a 2.x %YAML directive at its line
        .setBufferSize(Math.max(Math.min(length + 1, READ_BUFFER_CHARS), 1024))
        .build();
  }

  /** One document per root, and one per item of a list kind. */
  private List<YDocument> documents(String file, List<EventComposer.Root> roots) {
    List<YDocument> docs = new ArrayList<>(roots.size());
    for (EventComposer.Root root : roots) {
      Optional<List<YNode>> items = listItems(root.node());
      if (items.isPresent()) {
        for (YNode item : items.get()) {
          docs.add(new YDocument(file, docs.size(), item, strings, root.suspectScalars()));
        }
      } else {
        docs.add(new YDocument(file, docs.size(), root.node(), strings, root.suspectScalars()));
      }
    }
    return docs;
  }

  private static Optional<List<YNode>> listItems(YNode root) {
    if (!(root instanceof YMap map)) {
      return Optional.empty();
    }
    Optional<String> kind = map.get("kind").filter(YScalar.class::isInstance).map(n -> ((YScalar) n).value());
    if (kind.isEmpty() || !kind.get().endsWith("List")) {
      return Optional.empty();
    }
    Optional<YNode> items = map.get("items");
    if (items.isPresent() && items.get() instanceof YSeq seq) {
      return Optional.of(seq.items());
    }
    if (kind.get().equals("List") && (items.isEmpty() || (items.get() instanceof YScalar s && s.isNull()))) {
      return Optional.of(List.of());
    }
    return Optional.empty();
  }
}
