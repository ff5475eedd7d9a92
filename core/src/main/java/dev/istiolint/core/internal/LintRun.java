package dev.istiolint.core.internal;

import dev.istiolint.core.LintException;
import dev.istiolint.core.LintRequest;
import dev.istiolint.core.LintResult;
import dev.istiolint.core.Summary;
import dev.istiolint.core.config.Fingerprint;
import dev.istiolint.core.config.Glob;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.diag.RelatedLocation;
import dev.istiolint.core.diag.Severity;
import dev.istiolint.core.engine.MeshSnapshot;
import dev.istiolint.core.engine.tls.TlsMatrix;
import dev.istiolint.core.engine.tls.TlsResolver;
import dev.istiolint.core.internal.decode.MeshConfigFile;
import dev.istiolint.core.internal.decode.ResourceDecoder;
import dev.istiolint.core.internal.schema.SchemaValidator;
import dev.istiolint.core.internal.schema.VersionedDiagnostic;
import dev.istiolint.core.internal.source.LoadableSource;
import dev.istiolint.core.internal.source.SourceCollector;
import dev.istiolint.core.internal.suppress.SourceLines;
import dev.istiolint.core.internal.suppress.Suppressor;
import dev.istiolint.core.internal.yaml.LoadedFile;
import dev.istiolint.core.internal.yaml.Snippet;
import dev.istiolint.core.internal.yaml.YDocument;
import dev.istiolint.core.internal.yaml.YamlLoader;
import dev.istiolint.core.model.GenericResource;
import dev.istiolint.core.model.IstioVersion;
import dev.istiolint.core.model.MeshConfig;
import dev.istiolint.core.model.Resource;
import dev.istiolint.core.model.ResourceId;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.LintRule;
import dev.istiolint.core.rule.RuleContext;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One run of the pipeline: sources, documents, resources, snapshot, rules, findings. */
public final class LintRun {

  /** The longest rule message kept, in code points; echoed values are cut far earlier by the rules. */
  private static final int MAX_MESSAGE = 2_000;

  /** Below this many bytes of input, one thread loads everything: starting threads would cost more than it saves. */
  private static final long PARALLEL_MIN_BYTES = 256 * 1024;

  /** Below this many resources, one thread runs every rule. */
  private static final int PARALLEL_MIN_RESOURCES = 2_000;

  private static final Set<String> LEGACY_KINDS = Set.of("MeshPolicy", "Policy");

  /** Every inline suppression comment contains this; a file without it has none. */
  private static final byte[] INLINE_MARKER = "istio-lint:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final LintRequest request;
  private final List<Diagnostic> findings = new ArrayList<>();
  private final List<Throwable> internalErrors = new ArrayList<>();
  private final Map<String, String> rulesNotRun = new TreeMap<>();

  public LintRun(LintRequest request) {
    this.request = request;
  }

  public LintResult run() {
    validateRuleIds();
    SourceCollector collector = new SourceCollector(request.baseDirectory(), request.maxFileBytes());
    SourceCollector.Collected collected = collector.collect(request.paths(), request.sources());
    if (!collected.missingPaths().isEmpty() && collected.sources().isEmpty() && request.sources().isEmpty()) {
      throw new LintException(LintException.Kind.USAGE, "no such file or folder: " + collected.missingPaths().get(0));
    }
    SourceCollector.Collected context = collector.collect(request.contextPaths(), List.of());
    Set<String> stdinNames = new HashSet<>();
    request.sources().forEach(in -> stdinNames.add(in.name()));
    List<LoadableSource> sources = new ArrayList<>();
    Set<String> reported = new TreeSet<>();
    for (LoadableSource src : collected.sources()) {
      if ((stdinNames.contains(src.displayPath()) || wanted(src.displayPath())) && reported.add(src.displayPath())) {
        sources.add(src);
      }
    }
    Set<String> contextOnly = new HashSet<>();
    for (LoadableSource src : context.sources()) {
      if (!reported.contains(src.displayPath()) && wanted(src.displayPath()) && contextOnly.add(src.displayPath())) {
        sources.add(src);
      }
    }
    // one order whatever the split between PATHS and --context: "first definition" and the like stay stable
    sources.sort(Comparator.comparing(LoadableSource::displayPath));
    context.problems().forEach(d -> contextOnly.add(d.span().file()));
    contextOnly.removeAll(reported);
    findings.addAll(collected.problems());
    findings.addAll(context.problems());

    YamlLoader loader = new YamlLoader();
    SchemaValidator validator = new SchemaValidator(request.defaultNamespace());
    List<VersionedDiagnostic> versioned = new ArrayList<>();
    List<Resource> resources = new ArrayList<>();
    // a file is read when it loads and its text is not kept: its lines are split now if it has an inline suppression
    // comment, and read again when a reporter quotes it (holding the text of a large input during the analysis costs
    // more heap than its resources, and every young collection would copy it)
    Map<String, LoadableSource> byPath = new HashMap<>();
    sources.forEach(src -> byPath.putIfAbsent(src.displayPath(), src));
    Map<String, Long> checksums = new HashMap<>();
    Map<String, List<String>> lines = new HashMap<>();
    int documents = 0;
    // files load on every processor, the largest first; outcomes merge in file order, whatever the timing
    long bytes = sources.stream().mapToLong(LoadableSource::size).sum();
    int threads = Parallel.threads(request.threads(), bytes >= PARALLEL_MIN_BYTES);
    Comparator<LoadableSource> largestFirst = Comparator.comparingLong(s -> -s.size());
    for (FileOutcome file : Parallel.map(sources, threads, largestFirst, s -> loadFile(s, loader, validator))) {
      if (file.inlineCommentText() != null) {
        lines.put(file.displayPath(), SourceLines.split(file.inlineCommentText()));
      }
      if (file.checksum() != null) {
        checksums.putIfAbsent(file.displayPath(), file.checksum());
      } else {
        reported.remove(file.displayPath()); // could not be read: reported as a finding, not as a file checked
      }
      findings.addAll(file.findings());
      versioned.addAll(file.versioned());
      internalErrors.addAll(file.internalErrors());
      resources.addAll(file.resources());
      documents += file.documents();
    }
    reportDuplicates(resources);
    Map<String, Integer> unknownKinds = new TreeMap<>();
    for (Resource r : resources) {
      if (r instanceof GenericResource) {
        unknownKinds.merge(r.kind(), 1, Integer::sum);
      }
    }

    String[] reason = new String[1];
    IstioVersion version = chooseVersion(resources, reason);
    Optional<MeshConfig> meshFile =
        request.meshConfig().map(p -> MeshConfigFile.load(p, displayPath(p)));
    MeshSnapshot snapshot = MeshSnapshot.of(resources, version, meshFile);
    versioned.stream().filter(v -> v.appliesTo(version)).map(VersionedDiagnostic::diagnostic).forEach(findings::add);
    runRules(snapshot, version);

    List<RuleMeta> known = new ArrayList<>(CoreRules.all());
    request.rules().forEach(r -> known.add(r.meta()));
    Suppressor suppressor = new Suppressor(known, this::enabled, request.perFileIgnores());
    List<Diagnostic> out = applyOverrides(suppressor.apply(findings, resources, lines));
    out.removeIf(d -> contextOnly.contains(d.span().file()));
    quoteFilesWithFindings(out, byPath, checksums, lines);
    if (request.baseline().isPresent()) {
      out =
          new ArrayList<>(
              request.baseline().get().unmatched(out, d -> Fingerprint.of(d, SourceLines.line(lines, d.span()))));
    }
    out.sort(null);
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    Map<String, List<String>> quoted = new TreeMap<>();
    for (Diagnostic d : out) {
      switch (d.severity()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        case INFO -> infos++;
      }
      List<String> text = lines.get(d.span().file());
      if (text != null) {
        quoted.put(d.span().file(), text);
      }
    }
    Summary summary =
        new Summary(checksums.size(), documents, resources.size(), errors, warnings, infos, unknownKinds, rulesNotRun);
    return new LintResult(
        out,
        summary,
        version,
        reason[0],
        snapshot,
        internalErrors,
        collected.missingPaths(),
        List.copyOf(reported),
        quoted);
  }

  /**
   * What one file gave: the checksum of what was read (null if it could not be read), its text if it has an inline
   * comment (else null), findings, internal errors, resources, documents.
   */
  private record FileOutcome(
      String displayPath,
      Long checksum,
      byte[] inlineCommentText,
      List<Diagnostic> findings,
      List<VersionedDiagnostic> versioned,
      List<Throwable> internalErrors,
      List<Resource> resources,
      int documents) {}

  /** Load, validate and decode one file; the node trees are garbage once this returns. */
  private FileOutcome loadFile(LoadableSource source, YamlLoader loader, SchemaValidator validator) {
    ResourceDecoder decoder = new ResourceDecoder(request.defaultNamespace());
    List<Diagnostic> found = new ArrayList<>();
    List<VersionedDiagnostic> versioned = new ArrayList<>();
    List<Throwable> internal = new ArrayList<>();
    List<Resource> resources = new ArrayList<>();
    LoadableSource.Read read = source.read();
    if (read.problem() != null) {
      return new FileOutcome(source.displayPath(), null, null, List.of(read.problem()), List.of(), List.of(), List.of(), 0);
    }
    byte[] text = read.bytes();
    LoadedFile file = loader.load(source.displayPath(), text);
    found.addAll(file.problems());
    for (YDocument doc : file.documents()) {
      SchemaValidator.Validation validation = validator.validate(doc);
      found.addAll(validation.findings());
      versioned.addAll(validation.versioned());
      ResourceDecoder.Decoded decoded = decoder.decode(doc);
      found.addAll(decoded.problems());
      internal.addAll(decoded.internalErrors());
      decoded.resource().ifPresent(resources::add);
    }
    boolean inline = mentions(text, INLINE_MARKER);
    return new FileOutcome(
        source.displayPath(), LoadableSource.checksum(text), inline ? text : null, found, versioned, internal, resources,
        file.documents().size());
  }

  /**
   * Gives every file with findings its lines: those split for an inline comment, or the file read again when a
   * reporter first quotes it (a JSON report never does). A file that changed since it was analysed gets no lines
   * rather than wrong ones.
   */
  private static void quoteFilesWithFindings(
      List<Diagnostic> out, Map<String, LoadableSource> byPath, Map<String, Long> checksums,
      Map<String, List<String>> lines) {
    for (Diagnostic d : out) {
      String file = d.span().file();
      Long checksum = checksums.get(file);
      if (checksum != null && !lines.containsKey(file)) {
        LoadableSource source = byPath.get(file);
        lines.put(file, SourceLines.readWhenUsed(() -> source.readAgain(checksum).orElse(null)));
      }
    }
  }

  /**
   * True when {@code text} contains {@code marker} (ASCII, so the UTF-8 bytes match exactly). Horspool's search: the
   * byte under the end of the window says how far the marker can jump, its full length for most bytes.
   */
  static boolean mentions(byte[] text, byte[] marker) {
    int m = marker.length;
    int[] shift = new int[256];
    java.util.Arrays.fill(shift, m);
    for (int j = 0; j < m - 1; j++) {
      shift[marker[j] & 0xff] = m - 1 - j;
    }
    outer:
    for (int i = 0; i + m <= text.length; i += shift[text[i + m - 1] & 0xff]) {
      for (int j = m - 1; j >= 0; j--) {
        if (text[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private boolean wanted(String displayPath) {
    if (!request.include().isEmpty() && request.include().stream().noneMatch(g -> new Glob(g).matches(displayPath))) {
      return false;
    }
    return request.exclude().stream().noneMatch(g -> new Glob(g).matches(displayPath));
  }

  private String displayPath(java.nio.file.Path p) {
    java.nio.file.Path abs = p.toAbsolutePath().normalize();
    java.nio.file.Path base = request.baseDirectory().toAbsolutePath().normalize();
    java.nio.file.Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  private void validateRuleIds() {
    Set<String> known = new HashSet<>();
    CoreRules.all().forEach(m -> known.add(m.id()));
    request.rules().forEach(r -> known.add(r.meta().id()));
    List<String> unknown = new ArrayList<>();
    for (String id : request.select()) {
      if (!known.contains(id)) {
        unknown.add(id);
      }
    }
    for (String id : request.ignore()) {
      if (!known.contains(id)) {
        unknown.add(id);
      }
    }
    for (String id : request.severityOverrides().keySet()) {
      if (!known.contains(id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new LintException(LintException.Kind.USAGE, "unknown rule id: " + String.join(", ", unknown));
    }
  }

  private IstioVersion chooseVersion(List<Resource> resources, String[] reason) {
    if (request.istioVersion().isPresent()) {
      reason[0] = "given";
      return request.istioVersion().get();
    }
    Optional<Resource> legacy =
        resources.stream()
            .filter(r -> LEGACY_KINDS.contains(r.kind()) && r.ref().apiVersion().startsWith("authentication.istio.io/"))
            .findFirst();
    if (legacy.isPresent()) {
      String because = "implied by " + legacy.get().id() + " (authentication.istio.io/v1alpha1 exists only before 1.6)";
      // APIs first served in 1.5 next to the legacy ones: the mesh is in the 1.5 transition, not on 1.0
      Optional<Resource> newer =
          resources.stream()
              .filter(r -> r.ref().apiVersion().startsWith("security.istio.io/")
                  || r.ref().apiVersion().equals("networking.istio.io/v1beta1"))
              .findFirst();
      if (newer.isPresent()) {
        reason[0] = because + " with " + newer.get().id() + " (" + newer.get().ref().apiVersion()
            + ", served since 1.5)";
        return new IstioVersion(1, 5);
      }
      reason[0] = because;
      return IstioVersion.V1_0;
    }
    reason[0] = "default (newest profile)";
    return IstioVersion.LATEST;
  }

  private void reportDuplicates(List<Resource> resources) {
    Map<ResourceId, Resource> first = new LinkedHashMap<>();
    for (Resource r : resources) {
      Resource earlier = first.putIfAbsent(r.id(), r);
      if (earlier != null) {
        findings.add(
            new Diagnostic(
                CoreRules.DUPLICATE_RESOURCE,
                CoreRules.DUPLICATE_RESOURCE.defaultSeverity(),
                r.id() + " is defined twice; the one applied last replaces the other",
                r.nameSpan(),
                Optional.of(r.ref()),
                List.of(RelatedLocation.of(earlier.nameSpan(), "first definition", earlier.ref()))));
      }
    }
  }

  private boolean enabled(RuleMeta meta) {
    return enabled(meta.id());
  }

  private boolean enabled(String id) {
    if (request.ignore().contains(id)) {
      return false;
    }
    return request.select().isEmpty() || request.select().contains(id);
  }

  /** What one rule gave: its findings, the failure it had, the reason it did not apply. */
  private record RuleOutcome(List<Diagnostic> findings, Optional<Throwable> failure, Optional<String> notRun) {}

  private void runRules(MeshSnapshot snapshot, IstioVersion version) {
    List<LintRule> rules = request.rules().stream().filter(r -> enabled(r.meta())).toList();
    int threads = Parallel.threads(request.threads(), snapshot.all().size() >= PARALLEL_MIN_RESOURCES);
    // the TLS rules read the effective-TLS matrix: the first one starts at once and builds it (on threads of its own
    // too), the others wait for it at the end, while the remaining rules keep the other threads busy
    Optional<LintRule> firstTls = rules.stream().filter(LintRun::readsTls).findFirst();
    Comparator<LintRule> start =
        Comparator.comparingInt(r -> firstTls.filter(t -> t == r).isPresent() ? 0 : readsTls(r) ? 2 : 1);
    List<RuleOutcome> outcomes =
        Parallel.map(rules, threads, start, rule -> check(rule, snapshot, version, threads));
    // a result the caller keeps holds the snapshot, not the TLS matrix and the rules' indexes as well
    snapshot.releaseDerived();
    for (RuleOutcome outcome : outcomes) {
      findings.addAll(outcome.findings());
      outcome.failure().ifPresent(internalErrors::add);
    }
    for (int i = 0; i < rules.size(); i++) {
      String id = rules.get(i).meta().id();
      outcomes.get(i).notRun().ifPresent(reason -> rulesNotRun.put(id, reason));
    }
  }

  /** The rule families that read the effective-TLS matrix: every {@code TLS} rule. */
  private static boolean readsTls(LintRule rule) {
    return rule.meta().id().startsWith("TLS");
  }

  private RuleOutcome check(LintRule rule, MeshSnapshot snapshot, IstioVersion version, int threads) {
    RuleMeta meta = rule.meta();
    Context ctx = new Context(meta, snapshot, version, threads);
    try {
      rule.check(ctx);
      return new RuleOutcome(ctx.found, Optional.empty(), Optional.ofNullable(ctx.notRun));
    } catch (RuntimeException | StackOverflowError e) {
      SourceSpan at = ctx.lastResource == null ? SourceSpan.startOf("<rules>") : ctx.lastResource.nameSpan();
      ctx.found.add(
          new Diagnostic(
              CoreRules.INTERNAL_ERROR,
              Severity.ERROR,
              "rule "
                  + meta.id()
                  + " ("
                  + meta.name()
                  + ") failed"
                  + (ctx.lastResource == null ? "" : " on " + ctx.lastResource.id())
                  + "; please report it (rerun with --debug for details)",
              at,
              ctx.lastResource == null ? Optional.empty() : Optional.of(ctx.lastResource.ref()),
              List.of()));
      return new RuleOutcome(ctx.found, Optional.of(e), Optional.ofNullable(ctx.notRun));
    }
  }

  private List<Diagnostic> applyOverrides(List<Diagnostic> in) {
    List<Diagnostic> out = new ArrayList<>(in.size());
    for (Diagnostic d : in) {
      if (!enabled(d.rule()) && !d.rule().equals(CoreRules.INTERNAL_ERROR)) {
        continue;
      }
      Severity override = request.severityOverrides().get(d.ruleId());
      out.add(override == null ? d : d.withSeverity(override));
    }
    return out;
  }

  /** What one rule sees; it collects that rule's findings (rules may run on different threads). */
  private static final class Context implements RuleContext {
    private final RuleMeta meta;
    private final MeshSnapshot snapshot;
    private final IstioVersion version;
    /** The run's threads for rules, which the TLS matrix may use too. */
    private final int threads;
    private final List<Diagnostic> found = new ArrayList<>();
    private Resource lastResource;
    private String notRun;

    Context(RuleMeta meta, MeshSnapshot snapshot, IstioVersion version, int threads) {
      this.meta = meta;
      this.snapshot = snapshot;
      this.version = version;
      this.threads = threads;
    }

    @Override
    public MeshSnapshot mesh() {
      return snapshot;
    }

    @Override
    public IstioVersion istioVersion() {
      return version;
    }

    @Override
    public TlsMatrix tls() {
      // built once per snapshot by whichever thread asks first, the others wait; it is split over as many threads as
      // the run has, which share the processors with the threads still running other rules
      return TlsResolver.of(snapshot, threads);
    }

    @Override
    public void report(Resource resource, SourceSpan span, String message, List<RelatedLocation> related) {
      lastResource = resource;
      List<RelatedLocation> safeRelated = new ArrayList<>(related.size());
      for (RelatedLocation r : related) {
        safeRelated.add(new RelatedLocation(r.span(), safe(r.message()), r.resource()));
      }
      found.add(
          new Diagnostic(meta, meta.defaultSeverity(), safe(message), span, Optional.of(resource.ref()), safeRelated));
    }

    /**
     * Rule messages quote input values (hosts, names); whatever a rule does, control, bidirectional and unpaired
     * surrogate characters leave the engine escaped, for every reporter and every library caller.
     */
    private String safe(String message) {
      return Snippet.of(message, MAX_MESSAGE);
    }

    @Override
    public void notApplicable(String reason) {
      notRun = reason;
    }
  }
}
