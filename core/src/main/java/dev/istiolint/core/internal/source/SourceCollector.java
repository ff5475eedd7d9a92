package dev.istiolint.core.internal.source;

import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.source.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns the paths and in-memory inputs of a request into sources to parse. */
public final class SourceCollector {

  /** What was found: sources to parse, findings about paths that could not be read, and paths that do not exist. */
  public record Collected(List<LoadableSource> sources, List<Diagnostic> problems, List<String> missingPaths) {
    public Collected {
      sources = List.copyOf(sources);
      problems = List.copyOf(problems);
      missingPaths = List.copyOf(missingPaths);
    }
  }

  private final Path baseDirectory;
  private final long maxFileBytes;

  public SourceCollector(Path baseDirectory, long maxFileBytes) {
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    this.maxFileBytes = maxFileBytes;
  }

  public Collected collect(List<Path> paths, List<SourceInput> inputs) {
    List<LoadableSource> sources = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        missing.add(p.toString());
        continue;
      }
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
              .filter(SourceCollector::isManifest)
              .sorted()
              .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          problems.add(unreadable(display(p), "cannot list the folder"));
        }
      } else {
        files.add(p);
      }
      for (Path f : files) {
        String display = display(f);
        try {
          if (Files.size(f) > maxFileBytes) {
            problems.add(problem(CoreRules.FILE_TOO_LARGE, display, "the file is larger than " + maxFileBytes + " bytes"));
            continue;
          }
          sources.add(new LoadableSource(display, Files.readAllBytes(f)));
        } catch (IOException e) {
          problems.add(unreadable(display, "cannot read the file"));
        }
      }
    }
    for (SourceInput in : inputs) {
      sources.add(new LoadableSource(in.name(), in.content()));
    }
    return new Collected(sources, problems, missing);
  }

  private static boolean isManifest(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path shown = abs.startsWith(baseDirectory) ? baseDirectory.relativize(abs) : abs;
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  private static Diagnostic unreadable(String file, String message) {
    return problem(CoreRules.UNREADABLE_PATH, file, message);
  }

  private static Diagnostic problem(dev.istiolint.core.rule.RuleMeta rule, String file, String message) {
    return new Diagnostic(rule, rule.defaultSeverity(), message, SourceSpan.startOf(file), Optional.empty(), List.of());
  }
}
