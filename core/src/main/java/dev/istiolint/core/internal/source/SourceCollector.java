package dev.istiolint.core.internal.source;

import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.rule.RuleMeta;
import dev.istiolint.core.source.SourceSpan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the paths and in-memory inputs of a request into sources to parse.
 *
 * <p>Named files are read whatever their extension (a named link is followed). Folders are walked recursively for
 * {@code .yaml}, {@code .yml} and {@code .json} files in sorted order; hidden files and folders are skipped, linked
 * folders are not followed, and a linked file is read only through its own path inside the tree, never outside it.
 * Dangling or looping links, FIFOs, devices and sockets are reported and never opened. The size cap is checked here,
 * before a file is read; files are read later, one at a time as they load ({@link LoadableSource#read()}), never more
 * than the cap plus one byte.
 */
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
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * Reads at most {@code cap + 1} bytes from {@code in} (for stdin and other streams): a result longer than {@code
   * cap} means the input is over the cap, which {@link #collect} reports without parsing it.
   */
  public static byte[] readCapped(InputStream in, long cap) throws IOException {
    long limit = Math.min(cap + 1, Integer.MAX_VALUE - 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    while (total < limit) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      total += n;
    }
    return out.toByteArray();
  }

  /**
   * {@link #readCapped(InputStream, long)} for a file whose size was {@code expected} bytes a moment ago: read straight
   * into one array of that size, and the general way only if the file changed size in between.
   */
  static byte[] readCapped(InputStream in, long cap, long expected) throws IOException {
    if (expected <= 0 || expected > cap) {
      return readCapped(in, cap);
    }
    byte[] exact = new byte[(int) expected];
    int n = in.readNBytes(exact, 0, exact.length);
    if (n < exact.length) {
      return Arrays.copyOf(exact, n); // it shrank
    }
    int next = in.read();
    if (next < 0) {
      return exact;
    }
    ByteArrayOutputStream grown = new ByteArrayOutputStream(exact.length * 2);
    grown.write(exact);
    grown.write(next);
    grown.write(readCapped(in, cap - exact.length - 1));
    return grown.toByteArray();
  }

  /** {@link #readCapped(InputStream, long)} as a source with a display name. */
  public static LoadableSource readCapped(String name, InputStream in, long cap) throws IOException {
    return LoadableSource.inMemory(name, readCapped(in, cap));
  }

  public Collected collect(List<Path> paths, List<SourceInput> inputs) {
    Walk walk = new Walk();
    for (Path p : paths) {
      walk.named(p);
    }
    for (SourceInput in : inputs) {
      byte[] content = in.content();
      if (content.length > maxFileBytes) {
        walk.problems.add(tooLarge(in.name(), "the input has more than " + describe(maxFileBytes)));
      } else {
        walk.sources.add(LoadableSource.inMemory(in.name(), content));
      }
    }
    return new Collected(walk.sources, walk.problems, walk.missing);
  }

  /** The state of one collection: results so far, and the files already read (a file named twice is read once). */
  private final class Walk {
    final List<LoadableSource> sources = new ArrayList<>();
    final List<Diagnostic> problems = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final Set<Path> seen = new HashSet<>();

    void named(Path given) {
      Path p = given.toAbsolutePath().normalize();
      String shown = display(given);
      BasicFileAttributes link;
      try {
        link = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        missing.add(given.toString());
        return;
      } catch (IOException e) {
        problems.add(unreadable(shown, "cannot read this path: " + reason(e)));
        return;
      }
      BasicFileAttributes target = link;
      if (link.isSymbolicLink()) {
        Optional<BasicFileAttributes> followed = followLink(p, shown);
        if (followed.isEmpty()) {
          return;
        }
        target = followed.get();
      }
      if (target.isDirectory()) {
        walkFolder(p, shown);
      } else if (target.isRegularFile()) {
        read(p, shown, target.size());
      } else {
        problems.add(unreadable(shown, "this path is not a regular file (a FIFO, device or socket); it was not read"));
      }
    }

    /** The attributes of a named link's target, or empty after reporting a dangling or looping link. */
    private Optional<BasicFileAttributes> followLink(Path p, String shown) {
      try {
        return Optional.of(Files.readAttributes(p, BasicFileAttributes.class));
      } catch (NoSuchFileException e) {
        problems.add(unreadable(shown, "this path is a link to a file that does not exist; it was not read"));
      } catch (IOException e) {
        problems.add(
            unreadable(
                shown,
                isLoop(e)
                    ? "this path is a link that loops; it was not read"
                    : "this path is a link that cannot be followed (" + reason(e) + "); it was not read"));
      }
      return Optional.empty();
    }

    private void walkFolder(Path root, String rootShown) {
      Path realRoot;
      try {
        realRoot = root.toRealPath();
      } catch (IOException e) {
        problems.add(unreadable(rootShown, "cannot read this folder: " + reason(e)));
        return;
      }
      TreeMap<String, Path> files = new TreeMap<>();
      Deque<Path> folders = new ArrayDeque<>();
      folders.push(root);
      while (!folders.isEmpty()) {
        Path folder = folders.pop();
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
          entries.forEach(children::add);
        } catch (IOException | RuntimeException e) {
          problems.add(unreadable(childShown(rootShown, root, folder), "cannot list this folder: " + reason(e)));
          continue;
        }
        children.sort(null);
        for (Path child : children) {
          String name = child.getFileName().toString();
          if (name.startsWith(".")) {
            continue; // hidden files and folders (.git, editor files)
          }
          BasicFileAttributes attrs;
          try {
            attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          } catch (IOException e) {
            if (isManifest(name)) {
              problems.add(unreadable(childShown(rootShown, root, child), "cannot read this path: " + reason(e)));
            }
            continue;
          }
          if (attrs.isDirectory()) {
            folders.push(child);
          } else if (isManifest(name)) {
            files.put(childShown(rootShown, root, child), child);
          }
        }
      }
      for (var e : files.entrySet()) {
        walkedFile(e.getValue(), e.getKey(), realRoot);
      }
    }

    /** A manifest-named entry found while walking: read regular files, report the rest. */
    private void walkedFile(Path file, String shown, Path realRoot) {
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        problems.add(unreadable(shown, "cannot read this path: " + reason(e)));
        return;
      }
      if (attrs.isRegularFile()) {
        read(file, shown, attrs.size());
        return;
      }
      if (!attrs.isSymbolicLink()) {
        problems.add(unreadable(shown, "this path is not a regular file (a FIFO, device or socket); it was not read"));
        return;
      }
      Optional<BasicFileAttributes> target = followLink(file, shown);
      if (target.isEmpty() || target.get().isDirectory()) {
        return; // reported, or a link to a folder: not followed
      }
      Path real;
      try {
        real = file.toRealPath();
      } catch (IOException e) {
        problems.add(unreadable(shown, "this path is a link that cannot be followed (" + reason(e) + "); it was not read"));
        return;
      }
      if (!real.startsWith(realRoot)) {
        problems.add(
            unreadable(
                shown, "this path is a link to a file outside the folder; it was not read (name the file itself to lint it)"));
      }
      // a link to a file inside the tree: the file is read through its own path
    }

    private void read(Path file, String shown, long size) {
      if (!seen.add(identity(file))) {
        return;
      }
      if (size > maxFileBytes) {
        problems.add(tooLarge(shown, "the file has " + size + " bytes, more than " + describe(maxFileBytes)));
        return;
      }
      sources.add(LoadableSource.file(shown, file, size, maxFileBytes)); // read when its turn to load comes
    }
  }

  /** The real path of a file, so that one named twice (or through a link) is read once. */
  private static Path identity(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private static boolean isManifest(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /** A named path as shown: relative to the base directory when inside it, else as the user wrote it. */
  private String display(Path given) {
    Path abs = given.toAbsolutePath().normalize();
    Path shown = abs.startsWith(baseDirectory) ? baseDirectory.relativize(abs) : given.normalize();
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  private static String childShown(String rootShown, Path root, Path child) {
    String rel = root.relativize(child).toString().replace('\\', '/');
    if (rel.isEmpty()) {
      return rootShown;
    }
    return rootShown.equals(".") ? rel : rootShown.endsWith("/") ? rootShown + rel : rootShown + "/" + rel;
  }

  static String describe(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return "the limit of " + bytes / (1024 * 1024) + " MiB";
    }
    return "the limit of " + bytes + " bytes";
  }

  /** A plain-words reason for an I/O failure, without exception class names. */
  static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it does not exist";
    }
    if (isLoop(e)) {
      return "a link loop";
    }
    return "an input/output error";
  }

  private static boolean isLoop(Exception e) {
    return e instanceof FileSystemLoopException
        || (e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("symbolic links"));
  }

  static Diagnostic unreadable(String file, String message) {
    return problem(CoreRules.UNREADABLE_PATH, file, message);
  }

  static Diagnostic tooLarge(String file, String message) {
    return problem(CoreRules.FILE_TOO_LARGE, file, message + "; it was not read");
  }

  private static Diagnostic problem(RuleMeta rule, String file, String message) {
    return new Diagnostic(rule, rule.defaultSeverity(), message, SourceSpan.startOf(file), Optional.empty(), List.of());
  }
}
