package dev.istiolint.cli.hostile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The hostile cases that are made at run time in a temporary folder: large files (never committed), file-system
 * oddities (links, FIFOs, devices, hostile names) and invocation cases (stdin, report paths). Each entry of {@link
 * #ALL} is named in {@code testdata/hostile/cases.tsv} like the static files.
 */
final class GeneratedCases {

  /** How a case is run. */
  record Setup(
      List<String> args,
      Supplier<InputStream> stdin,
      String root,
      String main,
      boolean raw,
      Path report,
      String skip,
      List<Check> checks) {

    /** The usual case: the given paths, analysed solo, twice, in JSON and text, and next to the good file. */
    static Setup paths(Path root, String main, String... args) {
      return new Setup(List.of(args), InputStream::nullInputStream, root + "/", main, false, null, null, List.of());
    }

    Setup withStdin(Supplier<InputStream> in) {
      return new Setup(args, in, root, main, raw, report, skip, checks);
    }

    /** Run exactly these arguments (no format added, no good neighbour); findings come from {@code report} if set. */
    Setup rawRun(Path reportFile) {
      return new Setup(args, stdin, root, main, true, reportFile, skip, checks);
    }

    Setup withRoot(String newRoot) {
      return new Setup(args, stdin, newRoot, main, raw, report, skip, checks);
    }

    Setup skipped(String reason) {
      return new Setup(args, stdin, root, main, raw, report, reason, checks);
    }

    Setup check(Check c) {
      List<Check> all = new ArrayList<>(checks);
      all.add(c);
      return new Setup(args, stdin, root, main, raw, report, skip, List.copyOf(all));
    }
  }

  /** An extra assertion after all runs of a case: returns a violation in words, or null. */
  interface Check {
    String verify(List<CliRun> runs) throws IOException;
  }

  interface Generator {
    Setup make(Path dir) throws IOException;
  }

  static final Map<String, Generator> ALL = new TreeMap<>();

  private static final String SVC = "apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\n  namespace: hostile\n";
  private static final String BAD_PORT = "spec:\n  ports:\n  - port: eighty\n";

  static {
    // ---- aliases
    ALL.put("gen-alias-scalar-amplification", d -> fileCase(d, "amp.yaml",
        "# a 100,000-character scalar aliased 200 times (20 million characters when expanded)\na: &a \""
            + "x".repeat(100_000) + "\"\nb: [" + "*a, ".repeat(199) + "*a]\n"));
    ALL.put("gen-alias-many-anchors", d -> fileCase(d, "anchors.yaml", out -> {
      write(out, "# 100,000 anchors and 100,000 aliases to them\n");
      for (int i = 0; i < 100_000; i++) {
        write(out, "k" + i + ": &a" + i + " v\nr" + i + ": *a" + i + "\n");
      }
    }));

    // ---- nesting
    ALL.put("gen-nest-flow-seq-10k", d -> fileCase(d, "n.yaml", "[".repeat(10_000) + "]".repeat(10_000) + "\n"));
    ALL.put("gen-nest-flow-seq-1m", d -> fileCase(d, "n.yaml", "[".repeat(1_000_000) + "]".repeat(1_000_000) + "\n"));
    ALL.put("gen-nest-flow-map-100k", d -> fileCase(d, "n.yaml", "{a: ".repeat(100_000) + "1" + "}".repeat(100_000) + "\n"));
    ALL.put("gen-nest-flow-unclosed-1m", d -> fileCase(d, "n.yaml", "[{".repeat(500_000) + "\n"));
    ALL.put("gen-nest-block-seq-10k", d -> fileCase(d, "n.yaml", "- ".repeat(10_000) + "x\n"));
    ALL.put("gen-nest-block-seq-1m", d -> fileCase(d, "n.yaml", "- ".repeat(1_000_000) + "x\n"));
    ALL.put("gen-nest-block-map-2k", d -> fileCase(d, "n.yaml", out -> {
      for (int i = 0; i < 2_000; i++) {
        write(out, " ".repeat(i) + "k:\n");
      }
    }));

    // ---- size
    ALL.put("gen-size-50mb-scalar", d -> fileCase(d, "big.yaml", out -> {
      write(out, "a: \"");
      byte[] chunk = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      write(out, "\"\n");
    }));
    ALL.put("gen-size-cap-plus-one", d -> fileCase(d, "big.yaml", out -> {
      String head = "# exactly one byte over the 8 MiB cap\na: \"";
      write(out, head);
      int fill = 8 * 1024 * 1024 + 1 - head.length() - 2;
      out.write("z".repeat(fill).getBytes(StandardCharsets.US_ASCII));
      write(out, "\"\n");
    }));
    ALL.put("gen-size-7mib-scalar", d -> fileCase(d, "big.yaml", out -> {
      write(out, String.format(SVC, "big") + "  annotations:\n    blob: \"");
      out.write("b".repeat(7 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
      write(out, "\"\n" + BAD_PORT);
    }));
    ALL.put("gen-size-1mb-line", d -> fileCase(d, "line.yaml",
        String.format(SVC, "line") + "  labels: {" + keys(120_000) + "last: v}\n" + BAD_PORT));
    ALL.put("gen-size-1mb-plain-line", d -> fileCase(d, "line.yaml",
        String.format(SVC, "plain") + "  annotations:\n    a: " + "word ".repeat(200_000) + "\n" + BAD_PORT));
    ALL.put("gen-size-500k-documents", d -> fileCase(d, "docs.yaml", out -> {
      for (int i = 0; i < 500_000; i++) {
        write(out, "---\n");
      }
      write(out, String.format(SVC, "after-500k") + BAD_PORT);
    }));
    ALL.put("gen-size-50k-resources", d -> fileCase(d, "many.yaml", out -> {
      for (int i = 0; i < 50_000; i++) {
        write(out, "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" + i + "\n  namespace: hostile\n");
      }
      write(out, "---\n" + String.format(SVC, "last") + BAD_PORT);
    }));
    // numbers of millions of digits: exact big-number parsing is quadratic (minutes), so they must never be parsed
    ALL.put("gen-num-2mb-integer", d -> fileCase(d, "n.yaml", String.format(SVC, "digits")
        + "spec:\n  ports:\n  - port: " + "9".repeat(2_000_000) + "\n  - port: -" + "9".repeat(1_000_000) + "\n"));
    ALL.put("gen-num-2mb-hex-and-octal", d -> fileCase(d, "n.yaml", String.format(SVC, "hex")
        + "spec:\n  ports:\n  - port: 0x" + "F".repeat(2_000_000) + "\n  - port: 0o" + "7".repeat(2_000_000) + "\n"));
    ALL.put("gen-num-2mb-float", d -> fileCase(d, "n.yaml", String.format(SVC, "float")
        + "spec:\n  ports:\n  - port: 0." + "0".repeat(2_000_000) + "1\n  - port: " + "9".repeat(1_000_000)
        + ".5e3\n"));
    ALL.put("gen-num-2mb-duration", d -> fileCase(d, "vs.yaml",
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: slow\n  namespace: hostile\n"
            + "spec:\n  hosts: [a.example.com]\n  http:\n  - timeout: " + "9".repeat(2_000_000) + "s\n"
            + "    route:\n    - destination: {host: a.example.com}\n"
            + "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n  namespace: hostile\n"
            + "spec:\n  hosts: [a.example.com]\n  ports: [{number: 80, name: http, protocol: HTTP}]\n"
            + "  resolution: DNS\n"));
    ALL.put("gen-size-100k-keys", d -> fileCase(d, "keys.yaml", out -> {
      write(out, String.format(SVC, "keys") + "  labels:\n");
      for (int i = 0; i < 100_000; i++) {
        write(out, "    k" + i + ": v\n");
      }
    }));
    ALL.put("gen-size-envoyfilter-2.6mb", GeneratedCases::envoyFilter);
    ALL.put("gen-str-long-host", d -> fileCase(d, "vs.yaml",
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: long\n  namespace: hostile\nspec:\n"
            + "  hosts:\n  - \"" + "a-".repeat(50_000) + "\"\n"));
    ALL.put("gen-str-long-key", d -> fileCase(d, "k.yaml", String.format(SVC, "longkey") + "  labels:\n    \""
        + "k".repeat(50_000) + "\": a\n    \"" + "k".repeat(50_000) + "\": b\n"));
    ALL.put("gen-syn-1000-broken-documents", d -> fileCase(d, "broken.yaml", out -> {
      for (int i = 0; i < 1_000; i++) {
        write(out, "---\na: [unclosed\n");
      }
    }));
    ALL.put("gen-syn-1000-duplicate-keys", d -> fileCase(d, "dups.yaml", out -> {
      write(out, String.format(SVC, "dups") + "  labels:\n");
      for (int i = 0; i < 1_000; i++) {
        write(out, "    same: v" + i + "\n");
      }
    }));
    ALL.put("gen-enc-20k-invalid-lines", d -> fileCase(d, "bad.yaml", out -> {
      for (int i = 0; i < 20_000; i++) {
        write(out, "k" + i + ": ");
        out.write(new byte[] {(byte) 0xFF, '\n'});
      }
    }));

    // ---- file system
    ALL.put("gen-fs-symlink-loop", d -> {
      Path tree = tree(d);
      Files.createSymbolicLink(tree.resolve("loop-a.yaml"), Path.of("loop-b.yaml"));
      Files.createSymbolicLink(tree.resolve("loop-b.yaml"), Path.of("loop-a.yaml"));
      Files.createSymbolicLink(tree.resolve("self.yaml"), Path.of("self.yaml"));
      Files.createSymbolicLink(tree.resolve("folder-loop"), Path.of("."));
      return Setup.paths(d, null, tree.toString());
    });
    ALL.put("gen-fs-symlink-loop-named", d -> {
      Files.createSymbolicLink(d.resolve("self.yaml"), Path.of("self.yaml"));
      return Setup.paths(d, d + "/self.yaml", d + "/self.yaml");
    });
    ALL.put("gen-fs-dangling-link", d -> {
      Path tree = tree(d);
      Files.createSymbolicLink(tree.resolve("dangling.yaml"), Path.of("nowhere.yaml"));
      Files.createSymbolicLink(d.resolve("named.yaml"), Path.of("gone/nowhere.yaml"));
      return Setup.paths(d, null, tree.toString(), d + "/named.yaml");
    });
    ALL.put("gen-fs-link-to-dev-zero", d -> {
      Path tree = tree(d);
      Files.createSymbolicLink(tree.resolve("zero.yaml"), Path.of("/dev/zero"));
      Files.createSymbolicLink(d.resolve("named-zero.yaml"), Path.of("/dev/zero"));
      return Setup.paths(d, null, tree.toString(), d + "/named-zero.yaml");
    });
    ALL.put("gen-fs-dev-zero-named", d -> Setup.paths(d, "/dev/zero", "/dev/zero"));
    ALL.put("gen-fs-fifo", d -> {
      Path tree = tree(d);
      mkfifo(tree.resolve("pipe.yaml"));
      mkfifo(d.resolve("named-pipe.yaml"));
      return Setup.paths(d, null, tree.toString(), d + "/named-pipe.yaml");
    });
    ALL.put("gen-fs-unreadable", d -> {
      Path tree = tree(d);
      Path secret = file(tree, "secret.yaml", String.format(SVC, "secret") + BAD_PORT);
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
      Setup s = Setup.paths(d, null, tree.toString());
      try (InputStream in = Files.newInputStream(secret)) {
        in.read();
        return s.skipped("chmod 000 does not stop this user from reading (running as root), so the unreadable-file"
            + " case cannot be made here");
      } catch (IOException expected) {
        return s;
      }
    });
    ALL.put("gen-fs-link-outside-tree", d -> {
      Path tree = tree(d);
      Path outside = Files.createDirectories(d.resolve("outside"));
      file(outside, "secret.yaml", "# OUTSIDE-SECRET\n" + String.format(SVC, "outside-secret") + BAD_PORT);
      Files.createSymbolicLink(tree.resolve("link.yaml"), outside.resolve("secret.yaml"));
      Files.createSymbolicLink(tree.resolve("relative.yaml"), Path.of("../outside/secret.yaml"));
      Files.createSymbolicLink(tree.resolve("linked-folder"), outside);
      Files.createSymbolicLink(tree.resolve("passwd.yaml"), Path.of("/etc/passwd"));
      return Setup.paths(d, null, tree.toString()).check(runs -> mentions(runs, "OUTSIDE-SECRET", "outside-secret", "root:"));
    });
    ALL.put("gen-fs-link-inside-tree", d -> {
      Path tree = tree(d);
      Files.createSymbolicLink(tree.resolve("alias.yaml"), Path.of("ok.yaml"));
      return Setup.paths(d, null, tree.toString());
    });
    ALL.put("gen-fs-names-spaces", d -> {
      Path tree = Files.createDirectories(d.resolve("a folder"));
      file(tree, "a file name.yaml", String.format(SVC, "spaces") + BAD_PORT);
      return Setup.paths(d, null, tree.toString());
    });
    ALL.put("gen-fs-names-newline-and-escapes", d -> {
      Path tree = Files.createDirectories(d.resolve("tree"));
      file(tree, "evil\n\u001b[31mfake.yaml:1:1: error: [TLS001] forged\u001b[0m.yaml", String.format(SVC, "nl") + BAD_PORT);
      file(tree, "bell\u0007\u007f\u009b.yaml", String.format(SVC, "bell") + BAD_PORT);
      return Setup.paths(d, null, tree.toString());
    });
    ALL.put("gen-fs-names-bidi", d -> {
      Path tree = Files.createDirectories(d.resolve("tree"));
      file(tree, "invoice\u202egnp.yaml", String.format(SVC, "bidi") + BAD_PORT);
      file(tree, "\u2066x\u2069.yaml", String.format(SVC, "iso") + BAD_PORT);
      return Setup.paths(d, null, tree.toString());
    });
    ALL.put("gen-fs-names-leading-dash", d -> {
      Path tree = Files.createDirectories(d.resolve("tree"));
      file(tree, "-rf.yaml", String.format(SVC, "dash") + BAD_PORT);
      file(tree, "--help.yaml", String.format(SVC, "help") + BAD_PORT);
      return Setup.paths(d, null, "--", tree.toString(), tree + "/-rf.yaml");
    });
    ALL.put("gen-fs-hidden-and-other-extensions", d -> {
      Path tree = tree(d);
      file(Files.createDirectories(tree.resolve(".git")), "bad.yaml", "a: [\n");
      file(tree, ".hidden.yaml", "a: [\n");
      file(tree, "notes.txt", "a: [\n");
      file(tree, "UPPER.YAML", String.format(SVC, "upper") + BAD_PORT);
      file(tree, "data.json", "{\"apiVersion\": \"v1\", \"kind\": \"Service\",\n \"metadata\": {\"name\": \"j\", \"namespace\": \"hostile\"},\n \"spec\": {\"ports\": [{\"port\": \"eighty\"}]}}\n");
      return Setup.paths(d, null, tree.toString());
    });
    ALL.put("gen-fs-named-non-manifest", d -> {
      Path txt = file(d, "notes.txt", String.format(SVC, "txt") + BAD_PORT);
      return Setup.paths(d, txt.toString(), txt.toString());
    });
    ALL.put("gen-fs-deep-folders", d -> {
      Path p = d;
      for (int i = 0; i < 200; i++) {
        p = p.resolve("d");
      }
      Files.createDirectories(p);
      Path deep = file(p, "deep.yaml", String.format(SVC, "deep") + BAD_PORT);
      return Setup.paths(d, deep.toString(), d.toString());
    });

    // ---- invocation
    ALL.put("gen-inv-stdin-endless", d -> Setup.paths(d, "<stdin>", "-").withStdin(EndlessInput::new));
    ALL.put("gen-inv-stdin-closed", d -> Setup.paths(d, "<stdin>", "-"));
    // a broken stdin is an invocation error (exit 3, no report), so there is no neighbour to compare
    ALL.put("gen-inv-stdin-failing", d -> Setup.paths(d, "<stdin>", "-").withStdin(FailingInput::new).rawRun(null));
    ALL.put("gen-inv-stdin-twice", d -> Setup.paths(d, "<stdin>", "-", "-")
        .withStdin(() -> new java.io.ByteArrayInputStream((String.format(SVC, "stdin") + BAD_PORT).getBytes(StandardCharsets.UTF_8))));
    ALL.put("gen-inv-report-missing-folder", d -> {
      Path report = d.resolve("missing/sub/report.json");
      return new Setup(List.of("--format", "json", "-o", report.toString(), good()), InputStream::nullInputStream,
              d + "/", null, true, report, null, List.of())
          .check(runs -> onlyFiles(d, report));
    });
    ALL.put("gen-inv-report-dev-full", d -> new Setup(
            List.of("--format", "json", "-o", "/dev/full", good()), InputStream::nullInputStream, d + "/", null, true,
            null, null, List.of())
        .check(runs -> Files.isRegularFile(Path.of("/dev/full"), LinkOption.NOFOLLOW_LINKS)
            || !Files.exists(Path.of("/dev/full")) ? "/dev/full was replaced by a regular file" : null)
        .check(runs -> runs.get(0).err().contains("/dev/full") ? null : "the error does not name /dev/full"));
    ALL.put("gen-inv-report-is-folder", d -> new Setup(
            List.of("-o", d.toString(), good()), InputStream::nullInputStream, d + "/", null, true, null, null, List.of())
        .check(runs -> onlyFiles(d, null)));
    ALL.put("gen-inv-report-under-a-file", d -> {
      Path f = file(d, "file.yaml", "a: b\n");
      return new Setup(List.of("-o", f + "/report.json", good()), InputStream::nullInputStream, d + "/", null, true,
              null, null, List.of())
          .check(runs -> onlyFiles(d, f));
    });
    ALL.put("gen-inv-missing-path", d -> new Setup(
        List.of(d + "/missing.yaml"), InputStream::nullInputStream, d + "/", null, true, null, null, List.of()));
    ALL.put("gen-inv-missing-path-with-escapes", d -> new Setup(
        List.of(d + "/missing\u001b[2J\u202e.yaml", good()), InputStream::nullInputStream, d + "/", null, true, null,
        null, List.of()));
    ALL.put("gen-inv-baseline-dev-zero", d -> new Setup(
        List.of("--baseline", "/dev/zero", good()), InputStream::nullInputStream, d + "/", null, true, null, null,
        List.of()));
    ALL.put("gen-inv-mesh-config-dev-zero", d -> new Setup(
        List.of("--mesh-config", "/dev/zero", good()), InputStream::nullInputStream, d + "/", null, true, null, null,
        List.of()));
    ALL.put("gen-inv-config-huge-sparse", d -> {
      try (var f = new java.io.RandomAccessFile(d.resolve("config.yaml").toFile(), "rw")) {
        f.setLength(3L * 1024 * 1024 * 1024); // 3 GiB of holes: no disk used, but reading it all would never fit
      }
      return new Setup(List.of("--config", d + "/config.yaml", good()), InputStream::nullInputStream, d + "/", null,
          true, null, null, List.of());
    });
    ALL.put("gen-inv-baseline-huge-sparse", d -> {
      try (var f = new java.io.RandomAccessFile(d.resolve("baseline.json").toFile(), "rw")) {
        f.setLength(3L * 1024 * 1024 * 1024);
      }
      return new Setup(List.of("--baseline", d + "/baseline.json", good()), InputStream::nullInputStream, d + "/",
          null, true, null, null, List.of());
    });
    ALL.put("gen-size-sparse-3gib", d -> {
      try (var f = new java.io.RandomAccessFile(d.resolve("big.yaml").toFile(), "rw")) {
        f.setLength(3L * 1024 * 1024 * 1024);
      }
      return Setup.paths(d, d + "/big.yaml", d + "/big.yaml");
    });
    // a legacy kind picks the Istio version of the whole run (by design, so no neighbour comparison); --verbose
    // names the resource that decided it, which must come out escaped
    ALL.put("gen-inv-verbose-hostile-legacy-name", d -> {
      Path f = file(d, "mesh.yaml", "apiVersion: authentication.istio.io/v1alpha1\nkind: MeshPolicy\nmetadata:\n"
          + "  name: \"d\\e[31mefault\\u202e\"\nspec:\n  peers:\n  - mtls: {}\n");
      return new Setup(List.of("--verbose", "--statistics", f.toString()), InputStream::nullInputStream, d + "/",
          f.toString(), true, null, null, List.of());
    });
    ALL.put("gen-inv-config-fifo", d -> {
      mkfifo(d.resolve("config.yaml"));
      return new Setup(List.of("--config", d + "/config.yaml", good()), InputStream::nullInputStream, d + "/", null,
          true, null, null, List.of());
    });
  }

  private GeneratedCases() {}

  /** {@code k0: v, k1: v, ...}: distinct keys for one long flow mapping. */
  private static String keys(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append('k').append(i).append(": v, ");
    }
    return b.toString();
  }

  static String good() {
    return "testdata/hostile/good.yaml";
  }

  /** A folder {@code tree} holding one file with one known finding, so the walk provably went on. */
  private static Path tree(Path d) throws IOException {
    Path tree = Files.createDirectories(d.resolve("tree"));
    file(tree, "ok.yaml", String.format(SVC, "ok") + BAD_PORT);
    return tree;
  }

  private static Setup fileCase(Path d, String name, String text) throws IOException {
    Path f = d.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return Setup.paths(d, f.toString(), f.toString());
  }

  private static Path file(Path d, String name, String text) throws IOException {
    return Files.writeString(d.resolve(name), text, StandardCharsets.UTF_8);
  }

  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  private static Setup fileCase(Path d, String name, Writing w) throws IOException {
    Path f = d.resolve(name);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
      w.to(out);
    }
    return Setup.paths(d, f.toString(), f.toString());
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void mkfifo(Path p) throws IOException {
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
      if (proc.waitFor() != 0 || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("mkfifo failed for " + p);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** A legitimate 2.6 MB EnvoyFilter: many Lua filters, as some meshes really ship. It must load and pass. */
  private static Setup envoyFilter(Path d) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: big-lua\n")
        .append("  namespace: hostile\nspec:\n  priority: 10\n  workloadSelector:\n    labels:\n      app: web\n  configPatches:\n");
    int i = 0;
    while (b.length() < 2_600_000) {
      b.append("  - applyTo: HTTP_FILTER\n    match:\n      context: SIDECAR_INBOUND\n      listener:\n")
          .append("        filterChain:\n          filter:\n            name: envoy.filters.network.http_connection_manager\n")
          .append("            subFilter:\n              name: envoy.filters.http.router\n")
          .append("    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: envoy.lua.f").append(i)
          .append("\n        typed_config:\n          \"@type\": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua\n")
          .append("          inlineCode: |\n            function envoy_on_request(request_handle)\n");
      for (int line = 0; line < 12; line++) {
        b.append("              request_handle:headers():add(\"x-filter-").append(i).append('-').append(line)
            .append("\", \"value for line ").append(line).append(" of filter ").append(i).append("\")\n");
      }
      b.append("            end\n");
      i++;
    }
    Path f = d.resolve("envoyfilter.yaml");
    Files.writeString(f, b, StandardCharsets.UTF_8);
    return Setup.paths(d, f.toString(), f.toString());
  }

  /** A violation when any output of any run contains one of the texts (something read that was never named). */
  private static String mentions(List<CliRun> runs, String... texts) {
    for (CliRun r : runs) {
      for (String t : texts) {
        if (r.both().contains(t)) {
          return "the output mentions " + t + ", so a file that was not named was read";
        }
      }
    }
    return null;
  }

  /** A violation when {@code d} holds files other than {@code allowed} (and what the case made itself). */
  private static String onlyFiles(Path d, Path allowed) throws IOException {
    List<String> extra = new ArrayList<>();
    try (var s = Files.walk(d)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> allowed == null || !p.equals(allowed))
          .forEach(p -> extra.add(d.relativize(p).toString()));
    }
    return extra.isEmpty() ? null : "files written besides the named report: " + extra;
  }

  /** Standard input that never ends. */
  private static final class EndlessInput extends InputStream {
    private static final byte[] LINE = "a: b\n".getBytes(StandardCharsets.US_ASCII);
    private int i;

    @Override
    public int read() {
      return LINE[i++ % LINE.length];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int k = 0; k < len; k++) {
        b[off + k] = LINE[i++ % LINE.length];
        i %= LINE.length;
      }
      return len;
    }
  }

  /** Standard input that fails, as a closed or broken descriptor does. */
  private static final class FailingInput extends InputStream {
    @Override
    public int read() throws IOException {
      throw new IOException("Bad file descriptor");
    }
  }

}
