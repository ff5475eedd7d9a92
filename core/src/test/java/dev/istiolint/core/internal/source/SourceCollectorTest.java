package dev.istiolint.core.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.istiolint.core.SourceInput;
import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCollectorTest {

  private static final long CAP = 8L * 1024 * 1024;

  @TempDir Path dir;

  private SourceCollector.Collected collect(Path... paths) {
    return new SourceCollector(dir, CAP).collect(List.of(paths), List.of());
  }

  private static List<String> shown(SourceCollector.Collected c) {
    return c.sources().stream().map(LoadableSource::displayPath).toList();
  }

  private static List<String> problems(SourceCollector.Collected c) {
    return c.problems().stream().map(d -> d.ruleId() + " " + d.span()).toList();
  }

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void walksFoldersRecursivelyInSortedOrderForManifestExtensionsOnly() throws IOException {
    write("b/z.yaml", "a: 1");
    write("b/a.YML", "a: 1");
    write("a.json", "{}");
    write("b/c/d.yml", "a: 1");
    write("b/readme.md", "x");
    write("b/values.txt", "x");
    SourceCollector.Collected c = collect(dir);
    assertThat(shown(c)).containsExactly("a.json", "b/a.YML", "b/c/d.yml", "b/z.yaml");
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void skipsHiddenFoldersAndFiles() throws IOException {
    write(".git/config.yaml", "a: 1");
    write("x/.cache/c.yaml", "a: 1");
    write("x/.#lock.yaml", "a: 1");
    write("x/ok.yaml", "a: 1");
    assertThat(shown(collect(dir))).containsExactly("x/ok.yaml");
  }

  @Test
  void readsANamedFileWhateverItsExtensionAndShowsItRelativeToTheBase() throws IOException {
    Path f = write("sub/manifest.txt", "a: 1");
    SourceCollector.Collected c = collect(f);
    assertThat(shown(c)).containsExactly("sub/manifest.txt");
    assertThat(new String(c.sources().get(0).read().bytes(), StandardCharsets.UTF_8)).isEqualTo("a: 1");
  }

  @Test
  void readsAFileNamedTwiceOnce() throws IOException {
    Path f = write("a.yaml", "a: 1");
    Path link = Files.createSymbolicLink(dir.resolve("link.yml"), f);
    assertThat(shown(collect(f, dir))).containsExactly("a.yaml");
    assertThat(shown(collect(link, f))).containsExactly("link.yml");
  }

  @Test
  void listsMissingPaths() {
    SourceCollector.Collected c = collect(dir.resolve("nope.yaml"));
    assertThat(c.missingPaths()).hasSize(1);
    assertThat(c.sources()).isEmpty();
  }

  @Test
  void doesNotFollowLinkedFoldersWhileWalking() throws IOException {
    Path outside = Files.createTempDirectory("istio-lint-outside");
    try {
      Files.writeString(outside.resolve("secret.yaml"), "a: 1");
      write("in/ok.yaml", "a: 1");
      Files.createSymbolicLink(dir.resolve("in/linked"), outside);
      SourceCollector.Collected c = collect(dir);
      assertThat(shown(c)).containsExactly("in/ok.yaml");
      assertThat(c.problems()).isEmpty();
    } finally {
      Files.deleteIfExists(outside.resolve("secret.yaml"));
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void reportsDanglingLoopingAndOutsideLinksWithoutReadingThem() throws IOException {
    write("ok.yaml", "a: 1");
    Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("missing.yaml"));
    Files.createSymbolicLink(dir.resolve("loop1.yaml"), dir.resolve("loop2.yaml"));
    Files.createSymbolicLink(dir.resolve("loop2.yaml"), dir.resolve("loop1.yaml"));
    Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    Files.createSymbolicLink(dir.resolve("same.yaml"), dir.resolve("ok.yaml"));
    SourceCollector.Collected c = collect(dir);
    assertThat(shown(c)).containsExactly("ok.yaml");
    assertThat(problems(c))
        .containsExactly(
            "YAML008 dangling.yaml:1:1", "YAML008 loop1.yaml:1:1", "YAML008 loop2.yaml:1:1", "YAML008 zero.yaml:1:1");
    assertThat(c.problems().get(0).message()).contains("does not exist");
    assertThat(c.problems().get(1).message()).contains("loop");
    assertThat(c.problems().get(3).message()).contains("outside");
    Files.delete(dir.resolve("zero.yaml")); // not left for the temp folder cleanup, which warns about it
  }

  @Test
  void reportsNamedDevicesAndDanglingLinksWithoutOpeningThem() throws IOException {
    Path dangling = Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("missing"));
    long start = System.nanoTime();
    SourceCollector.Collected c = new SourceCollector(dir, CAP).collect(List.of(Path.of("/dev/zero"), dangling), List.of());
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
    assertThat(c.sources()).isEmpty();
    assertThat(c.problems()).extracting(Diagnostic::rule).containsOnly(CoreRules.UNREADABLE_PATH);
    assertThat(problems(c)).containsExactly("YAML008 /dev/zero:1:1", "YAML008 gone.yaml:1:1");
  }

  @Test
  void reportsAFifoWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
    SourceCollector.Collected walked = collect(dir);
    SourceCollector.Collected named = collect(fifo);
    assertThat(problems(walked)).containsExactly("YAML008 pipe.yaml:1:1");
    assertThat(problems(named)).containsExactly("YAML008 pipe.yaml:1:1");
    assertThat(named.problems().get(0).message()).contains("FIFO");
  }

  @Test
  void reportsUnreadableFiles() throws IOException {
    Path f = write("locked.yaml", "a: 1");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(f), "running with permissions that read anything");
    SourceCollector.Collected c = collect(dir);
    assertThat(c.problems()).as("files are read when they load").isEmpty();
    Diagnostic d = c.sources().get(0).read().problem();
    assertThat(d.ruleId() + " " + d.span()).isEqualTo("YAML008 locked.yaml:1:1");
    assertThat(d.message()).contains("permission denied");
  }

  @Test
  void readsAFileWhenAskedAndAgainOnlyWhileItIsUnchanged() throws IOException {
    Path f = write("a.yaml", "a: 1\n");
    LoadableSource source = collect(f).sources().get(0);
    assertThat(source.size()).isEqualTo(5);
    byte[] first = source.read().bytes();
    long checksum = LoadableSource.checksum(first);
    assertThat(source.readAgain(checksum)).hasValueSatisfying(b -> assertThat(b).isEqualTo(first));
    Files.writeString(f, "a: 2\n"); // same length, other content
    assertThat(source.readAgain(checksum)).isEmpty();
    Files.writeString(f, "a: 1\nb: 2\n");
    assertThat(source.readAgain(checksum)).isEmpty();
    Files.delete(f);
    assertThat(source.readAgain(checksum)).isEmpty();
    assertThat(source.read().problem().message()).contains("cannot be read");
  }

  @Test
  void reportsAFileThatGrewPastTheCapWhenItIsRead() throws IOException {
    Path f = write("a.yaml", "a: 1\n");
    LoadableSource source = new SourceCollector(dir, 100).collect(List.of(f), List.of()).sources().get(0);
    Files.writeString(f, "a: 1\n".repeat(100));
    Diagnostic d = source.read().problem();
    assertThat(d.ruleId() + " " + d.span()).isEqualTo("YAML003 a.yaml:1:1");
    assertThat(d.message()).contains("grew to more than the limit of 100 bytes while being read");
  }

  @Test
  void refusesAFiftyMegabyteFileQuicklyBySize() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024);
    }
    long start = System.nanoTime();
    SourceCollector.Collected c = collect(big);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(c.sources()).isEmpty();
    Diagnostic d = c.problems().get(0);
    assertThat(problems(c)).containsExactly("YAML003 big.yaml:1:1");
    assertThat(d.message()).contains("52428800 bytes").contains("8 MiB");
  }

  @Test
  void capsInMemoryInputsAndReadsAtMostOneByteMoreThanTheCapFromAStream() throws IOException {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            return len;
          }
        };
    byte[] read = SourceCollector.readCapped(endless, 1000);
    assertThat(read).hasSize(1001);
    SourceCollector.Collected c =
        new SourceCollector(dir, 1000).collect(List.of(), List.of(new SourceInput("-", read), SourceInput.of("ok", "a: 1")));
    assertThat(problems(c)).containsExactly("YAML003 -:1:1");
    assertThat(shown(c)).containsExactly("ok");
    assertThat(SourceCollector.readCapped("-", new java.io.ByteArrayInputStream(new byte[10]), 1000).read().bytes()).hasSize(10);
  }
}
