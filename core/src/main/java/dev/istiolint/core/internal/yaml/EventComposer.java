package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * Builds {@link YNode} trees from the parser's events, one pass, with an explicit stack (no recursion): checks depth,
 * aliases (budgets, recursion, unknown anchors), tags and duplicate keys, and expands merge keys. A document that
 * breaks a rule, or that the parser cannot read, stops the run with a finding; the caller resumes at the next
 * document.
 *
 * <p>This class holds the only conversion from the parser's 0-based marks to 1-based spans: {@link #span}.
 */
final class EventComposer {

  /**
   * Why {@link #run} returned: the end of the stream, or a document that could not be read at {@code line}:{@code
   * column} (1-based, in the whole file). {@code parserError} is true when the parser itself failed there.
   */
  record Stop(boolean endOfStream, int line, int column, boolean parserError, boolean fatal) {}

  private static final String CORE = "tag:yaml.org,2002:";
  private static final Set<String> SCALAR_TAGS = Set.of("str", "int", "float", "bool", "null", "binary", "merge");
  private static final String MERGE_KEY = "<<";
  private static final Anchored OPEN = new Anchored(null, 0, 0);

  private final String file;
  private final int lineOffset;
  private final LoaderLimits limits;
  private final StringPool strings;
  private final List<Root> roots;
  private final List<Diagnostic> problems;

  private final ArrayList<Frame> stack = new ArrayList<>();
  private final Map<String, Anchored> anchors = new HashMap<>();
  private YNode root;
  private int aliases;
  private long aliasNodes;
  private long aliasChars;
  private SourceSpan last;
  private final FileBudget budget;
  /** Whether the current document has a scalar that may not read as its text (see {@link Root}). */
  private boolean suspectScalars;

  /**
   * @param lineOffset the 0-based line of the file where the parsed text starts (after a recovery)
   * @param budget what earlier runs over the same file used (nodes, duplicate keys reported)
   * @param strings the pool every scalar's text goes through
   * @param roots receives the root of every non-empty document
   * @param problems receives the findings
   */
  EventComposer(
      String file,
      int lineOffset,
      FileBudget budget,
      LoaderLimits limits,
      StringPool strings,
      List<Root> roots,
      List<Diagnostic> problems) {
    this.file = file;
    this.strings = strings;
    this.budget = budget;
    this.lineOffset = lineOffset;
    this.limits = limits;
    this.roots = roots;
    this.problems = problems;
  }

  /**
   * The root of a non-empty document. {@code suspectScalars} is false when no scalar of the document can read as
   * anything but its text: none has a tag, and no plain one is a short word YAML 1.1 might read as a boolean
   * ({@code y}, {@code no}, {@code on}, ...) or an infinity or NaN ({@code .inf}, {@code -.NaN}, ...). True only means
   * that some scalar has to be looked at.
   */
  record Root(YNode node, boolean suspectScalars) {}

  /** What the runs over one file have used so far; one per {@link YamlLoader#load} call, never shared. */
  static final class FileBudget {
    long nodes;
    int duplicateKeys;
  }

  /** Consumes events until the end of the stream or the first document that cannot be read. */
  Stop run(Iterator<Event> events) {
    boolean inParser = false;
    try {
      while (true) {
        inParser = true;
        if (!events.hasNext()) {
          break;
        }
        Event e = events.next();
        inParser = false;
        SourceSpan at = span(e.getStartMark(), e.getEndMark());
        last = at;
        switch (e.getEventId()) {
          case DocumentStart -> {
            resetDocument();
            checkVersion((DocumentStartEvent) e, at);
          }
          case DocumentEnd -> endDocument();
          case Scalar -> scalar((ScalarEvent) e, at);
          case MappingStart, SequenceStart -> open((CollectionStartEvent) e, at);
          case MappingEnd, SequenceEnd -> close(at);
          case Alias -> alias((AliasEvent) e, at);
          default -> {
            // stream start and end, comments: nothing to build
          }
        }
      }
      return new Stop(true, 0, 0, false, false);
    } catch (Refusal r) {
      boolean fatal = r.rule.equals(CoreRules.FILE_TOO_LARGE);
      String consequence = fatal ? "; the rest of the file was not read" : "; the document was not read";
      problems.add(finding(r.rule, r.getMessage() + consequence, r.at, List.of()));
      return new Stop(false, r.at.startLine(), r.at.startColumn(), false, fatal);
    } catch (RuntimeException | StackOverflowError e) {
      if (!inParser) {
        // a bug in this class, not a problem of the input: say so, and go on with the next document
        SourceSpan at = last != null ? last.start() : SourceSpan.at(file, lineOffset + 1, 1);
        problems.add(
            finding(
                CoreRules.INTERNAL_ERROR,
                "istio-lint failed to read this document; please report it",
                at,
                List.of()));
        return new Stop(false, at.startLine(), at.startColumn(), false, false);
      }
      // the parser and scanner throw their own exceptions, and a few others on malformed input
      return parserFailure(e);
    }
  }

  /** The one conversion from the parser's 0-based marks (lines relative to the parsed text) to 1-based spans. */
  private SourceSpan span(Optional<Mark> start, Optional<Mark> end) {
    if (start.isEmpty()) {
      return last != null ? last.start() : SourceSpan.at(file, lineOffset + 1, 1);
    }
    Mark s = start.get();
    Mark e = end.orElse(s);
    int startLine = s.getLine() + lineOffset + 1;
    int startColumn = s.getColumn() + 1;
    int endLine = e.getLine() + lineOffset + 1;
    int endColumn = e.getColumn() + 1;
    if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
      endLine = startLine;
      endColumn = startColumn;
    }
    return new SourceSpan(file, startLine, startColumn, endLine, endColumn);
  }

  private Stop parserFailure(Throwable e) {
    SourceSpan at;
    String message;
    boolean marked = false;
    if (e instanceof MarkedYamlEngineException m
        && (m.getProblemMark().isPresent() || m.getContextMark().isPresent())) {
      Optional<Mark> mark = m.getProblemMark().isPresent() ? m.getProblemMark() : m.getContextMark();
      at = span(mark, mark);
      marked = true;
      StringBuilder text = new StringBuilder(Snippet.of(humanize(oneLine(m.getProblem())), 200));
      if (m.getContext() != null) {
        text.append(" (").append(Snippet.of(oneLine(m.getContext()), 120));
        if (m.getContextMark().isPresent() && m.getProblemMark().isPresent()) {
          SourceSpan context = span(m.getContextMark(), m.getContextMark());
          if (context.startLine() != at.startLine()) {
            text.append(" that starts at line ").append(context.startLine());
          }
        }
        text.append(')');
      }
      message = text.toString();
    } else {
      at = last != null ? last.start() : SourceSpan.at(file, lineOffset + 1, 1);
      if (e instanceof YamlVersionException) {
        message = "the %YAML directive asks for a YAML version this parser cannot read (only 1.x)";
      } else if (e instanceof StackOverflowError) {
        message = "the document is nested too deeply to read";
      } else {
        message = "the document is not valid YAML; the parser stopped after this position";
      }
    }
    problems.add(finding(CoreRules.SYNTAX_ERROR, message, at, List.of()));
    return new Stop(false, at.startLine(), at.startColumn(), marked, false);
  }

  /** The parser's token names in words (only on the error path). */
  private static String humanize(String problem) {
    String s = problem;
    for (String[] r : TOKEN_WORDS) {
      s = s.replace(r[0], r[1]);
    }
    if (!s.contains("(TAB)")) {
      s = s.replaceAll("\\. \\(Do not use .{1,8} for indentation\\)", "");
    }
    return s;
  }

  private static final String[][] TOKEN_WORDS = {
    {"'<document start>'", "a document start (---)"},
    {"'<document end>'", "a document end (...)"},
    {"'<stream end>'", "the end of the file"},
    {"<stream end>", "the end of the file"},
    {"<block end>", "the end of the indented block"},
    {"'<block mapping start>'", "the start of a mapping"},
    {"'<block sequence start>'", "the start of a list"},
    {"'?'", "a mapping key"},
    {"but got :", "but got ':'"},
  };

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private void resetDocument() {
    stack.clear();
    anchors.clear();
    root = null;
    suspectScalars = false;
    aliases = 0;
    aliasNodes = 0;
    aliasChars = 0;
  }

  /** The parser accepts any {@code %YAML} version (see YamlLoader), so a 2.x directive is reported at its line. */
  private static void checkVersion(DocumentStartEvent e, SourceSpan at) {
    Optional<SpecVersion> version = e.getSpecVersion();
    if (version.isPresent() && version.get().getMajor() != 1) {
      throw new Refusal(
          CoreRules.SYNTAX_ERROR,
          "the %YAML directive asks for YAML " + Snippet.of(version.get().getRepresentation())
              + ", a version this parser cannot read (only 1.x)",
          at);
    }
  }

  private void endDocument() {
    if (root != null && !(root instanceof YScalar s && s.plain() && s.value().isEmpty() && s.tag().isEmpty())) {
      roots.add(new Root(root, suspectScalars));
    }
    resetDocument();
  }

  private void scalar(ScalarEvent e, SourceSpan at) {
    countNode(at);
    boolean plain = e.isPlain();
    Optional<String> tag = Optional.empty();
    if (e.getTag().isPresent()) {
      String t = e.getTag().get();
      if (t.equals("!")) {
        plain = false; // the non-specific tag: a string
      } else if (t.startsWith(CORE) && SCALAR_TAGS.contains(t.substring(CORE.length()))) {
        tag = e.getTag();
      } else {
        throw unsupportedTag(t, at);
      }
    }
    YScalar s = new YScalar(strings.intern(e.getValue()), plain, tag, at);
    if (!suspectScalars && (tag.isPresent() || (plain && mayReadOtherwise(s.value())))) {
      suspectScalars = true;
    }
    long chars = s.value().length();
    if (e.getAnchor().isPresent()) {
      anchors.put(e.getAnchor().get().getValue(), new Anchored(s, 1, chars));
    }
    add(s, 1, chars);
  }

  /**
   * True for every plain text YAML 1.1 may read as a boolean (words of up to three letters starting with y, n or o)
   * and for the shapes of the YAML 1.2 infinities and NaN, in any case; also for some other texts, never for fewer.
   */
  static boolean mayReadOtherwise(String v) {
    int n = v.length();
    if (n >= 1 && n <= 3) {
      char c = v.charAt(0);
      return c == 'y' || c == 'Y' || c == 'n' || c == 'N' || c == 'o' || c == 'O';
    }
    if (n == 4 || n == 5) {
      int dot = n - 4;
      return (dot == 0 || v.charAt(0) == '+' || v.charAt(0) == '-')
          && v.charAt(dot) == '.'
          && (v.regionMatches(true, dot + 1, "inf", 0, 3) || v.regionMatches(true, dot + 1, "nan", 0, 3));
    }
    return false;
  }

  private void open(CollectionStartEvent e, SourceSpan at) {
    if (stack.size() >= limits.maxDepth()) {
      throw new Refusal(
          CoreRules.NESTING_TOO_DEEP,
          "the document nests mappings and lists deeper than " + limits.maxDepth() + " levels",
          at);
    }
    countNode(at);
    boolean map = e.getEventId() == Event.ID.MappingStart;
    if (e.getTag().isPresent()) {
      String t = e.getTag().get();
      if (!t.equals("!") && !t.equals(CORE + (map ? "map" : "seq"))) {
        throw unsupportedTag(t, at);
      }
    }
    String anchor = e.getAnchor().map(Anchor::getValue).orElse(null);
    if (anchor != null) {
      anchors.put(anchor, OPEN);
    }
    stack.add(new Frame(map, at, anchor));
  }

  private void countNode(SourceSpan at) {
    if (++budget.nodes > limits.maxNodes()) {
      throw new Refusal(
          CoreRules.FILE_TOO_LARGE,
          "the file holds more than " + limits.maxNodes() + " YAML nodes (keys, values, mappings and lists)",
          at);
    }
  }

  private void close(SourceSpan at) {
    Frame f = stack.remove(stack.size() - 1);
    SourceSpan start = f.start;
    SourceSpan whole =
        at.endLine() > start.startLine() || (at.endLine() == start.startLine() && at.endColumn() >= start.startColumn())
            ? new SourceSpan(file, start.startLine(), start.startColumn(), at.endLine(), at.endColumn())
            : start;
    YNode node = f.map ? new YMap(f.entries(), whole) : new YSeq(f.items(), whole);
    if (f.anchor != null) {
      anchors.put(f.anchor, new Anchored(node, f.nodes, f.chars));
    }
    add(node, f.nodes, f.chars);
  }

  private void alias(AliasEvent e, SourceSpan at) {
    String name = e.getAlias().getValue();
    Anchored target = anchors.get(name);
    if (target == null) {
      throw new Refusal(
          CoreRules.SYNTAX_ERROR,
          "the alias *" + Snippet.of(name) + " refers to no anchor defined before it in this document",
          at);
    }
    if (target == OPEN) {
      throw new Refusal(
          CoreRules.ALIAS_LIMIT, "the alias *" + Snippet.of(name) + " refers to a node that contains it", at);
    }
    YNode node = target.node;
    if (node instanceof YScalar s && !stack.isEmpty() && stack.get(stack.size() - 1).map
        && stack.get(stack.size() - 1).pendingKey == null) {
      node = new YScalar(s.value(), s.plain(), s.tag(), at); // an alias used as a key is reported where it is used
    }
    aliases++;
    aliasNodes += target.nodes;
    aliasChars += target.chars;
    if (aliases > limits.maxAliases()) {
      throw new Refusal(CoreRules.ALIAS_LIMIT, "the document uses more than " + limits.maxAliases() + " aliases", at);
    }
    if (aliasNodes > limits.maxAliasNodes()) {
      throw new Refusal(
          CoreRules.ALIAS_LIMIT,
          "aliases expand the document by more than " + limits.maxAliasNodes() + " nodes (an alias bomb?)",
          at);
    }
    if (aliasChars > limits.maxAliasChars()) {
      throw new Refusal(
          CoreRules.ALIAS_LIMIT,
          "aliases expand the document by more than " + limits.maxAliasChars() + " characters of text",
          at);
    }
    add(node, target.nodes, target.chars);
  }

  /** Adds a finished node to the open collection (or makes it the root), counting its expanded size. */
  private void add(YNode node, long nodes, long chars) {
    if (stack.isEmpty()) {
      root = node;
      return;
    }
    Frame parent = stack.get(stack.size() - 1);
    parent.nodes += nodes;
    parent.chars += chars;
    if (!parent.map) {
      parent.raw.add(node);
      return;
    }
    if (parent.pendingKey == null) {
      if (!(node instanceof YScalar key)) {
        throw new Refusal(
            CoreRules.SYNTAX_ERROR,
            "a mapping key is itself a mapping or a list; manifests need plain keys",
            node.span().start());
      }
      parent.pendingKey = key;
      return;
    }
    YScalar key = parent.pendingKey;
    parent.pendingKey = null;
    if (key.value().equals(MERGE_KEY) && (key.plain() || key.tag().equals(Optional.of(CORE + "merge")))) {
      merge(parent, key, node);
      return;
    }
    YScalar first = parent.firstKey(key);
    if (first != null) {
      duplicateKey(key, first);
      return;
    }
    parent.raw.add(new YMap.Entry(key, node));
  }

  private void duplicateKey(YScalar key, YScalar first) {
    int count = ++budget.duplicateKeys;
    if (count > limits.maxProblemsPerFile()) {
      return; // the last listed finding says that further ones are not listed
    }
    String advice =
        count == limits.maxProblemsPerFile()
            ? "further duplicate keys in this file are not listed"
            : "tools disagree on which value wins, so remove one (the first is used here)";
    problems.add(
        finding(
            CoreRules.DUPLICATE_KEY,
            "the key \""
                + Snippet.of(key.value())
                + "\" appears twice in this mapping (first at line "
                + first.span().startLine()
                + "); "
                + advice,
            key.span(),
            List.of(RelatedLocation.of(first.span(), "first \"" + Snippet.of(key.value()) + "\" key"))));
  }

  private void merge(Frame parent, YScalar key, YNode value) {
    List<YMap> sources = new ArrayList<>();
    if (value instanceof YMap m) {
      sources.add(m);
    } else if (value instanceof YSeq seq && seq.items().stream().allMatch(YMap.class::isInstance)) {
      seq.items().forEach(i -> sources.add((YMap) i));
    } else {
      problems.add(
          finding(
              CoreRules.SYNTAX_ERROR,
              "the merge key << needs a mapping or a list of mappings; it was ignored",
              key.span(),
              List.of()));
      return;
    }
    parent.hasMerge = true;
    parent.raw.add(new Merge(sources));
  }

  private Refusal unsupportedTag(String tag, SourceSpan at) {
    String shown = tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag;
    return new Refusal(
        CoreRules.UNSUPPORTED_TAG,
        "the tag "
            + Snippet.of(shown)
            + " is not supported; manifests may only use the YAML core tags (!!str, !!int, !!float, !!bool, !!null,"
            + " !!map, !!seq)",
        at);
  }

  private static Diagnostic finding(RuleMeta rule, String message, SourceSpan at, List<RelatedLocation> related) {
    return new Diagnostic(rule, rule.defaultSeverity(), message, at.start(), Optional.empty(), related);
  }

  /** A collection being built. */
  private static final class Frame {
    /** Up to this many keys, a duplicate is found by looking at each earlier key; past it, by a hash map. */
    private static final int SCANNED_KEYS = 8;

    final boolean map;
    final SourceSpan start;
    final String anchor;
    /** The items of a list; the entries of a mapping, with a {@link Merge} where each {@code <<} was. */
    final List<Object> raw = new ArrayList<>();
    /** The explicit keys of a mapping from its key number {@link #SCANNED_KEYS} + 1 on; null before. */
    private Map<String, YScalar> keys;
    YScalar pendingKey;
    boolean hasMerge;
    long nodes = 1;
    long chars;

    Frame(boolean map, SourceSpan start, String anchor) {
      this.map = map;
      this.start = start;
      this.anchor = anchor;
    }

    /** The earlier explicit key equal to {@code key}, or null; {@code key} is the next one. */
    YScalar firstKey(YScalar key) {
      if (keys == null) {
        int explicit = 0;
        for (int i = 0; i < raw.size(); i++) {
          if (raw.get(i) instanceof YMap.Entry e) {
            explicit++;
            if (e.key().value().equals(key.value())) {
              return e.key();
            }
          }
        }
        if (explicit < SCANNED_KEYS) {
          return null;
        }
        keys = new HashMap<>();
        for (Object o : raw) {
          if (o instanceof YMap.Entry e) {
            keys.put(e.key().value(), e.key());
          }
        }
      }
      return keys.putIfAbsent(key.value(), key);
    }

    /** The items of a list. */
    @SuppressWarnings("unchecked")
    List<YNode> items() {
      return (List<YNode>) (List<?>) raw; // a list frame holds nodes only
    }

    /** The entries in order; merged entries sit where their {@code <<} was, unless an explicit key overrides them. */
    @SuppressWarnings("unchecked")
    List<YMap.Entry> entries() {
      if (!hasMerge) {
        return (List<YMap.Entry>) (List<?>) raw; // entries only
      }
      Set<String> seen = new HashSet<>();
      for (Object o : raw) {
        if (o instanceof YMap.Entry e) {
          seen.add(e.key().value());
        }
      }
      List<YMap.Entry> out = new ArrayList<>(raw.size());
      for (Object o : raw) {
        if (o instanceof YMap.Entry e) {
          out.add(e);
        } else {
          for (YMap source : ((Merge) o).sources()) {
            for (YMap.Entry e : source.entries()) {
              if (seen.add(e.key().value())) {
                out.add(e);
              }
            }
          }
        }
      }
      return out;
    }
  }

  private record Merge(List<YMap> sources) {}

  /** A node with an anchor and its expanded size; {@link #OPEN} while its collection is still being built. */
  private record Anchored(YNode node, long nodes, long chars) {}

  /** A document that breaks a rule: reported, and the document is skipped. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RuleMeta rule;
    final transient SourceSpan at;

    Refusal(RuleMeta rule, String message, SourceSpan at) {
      super(message, null, false, false);
      this.rule = rule;
      this.at = at;
    }
  }
}
