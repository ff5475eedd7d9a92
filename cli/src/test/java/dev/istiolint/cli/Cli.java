package dev.istiolint.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in-process with captured streams, runs other processes, and finds the shared test data. */
final class Cli {

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  /** What an external process printed (standard output and error together) and returned; -1 when it timed out. */
  record Exec(int code, String output) {}

  private Cli() {}

  /**
   * Runs {@code command} in {@code dir} with {@code env} added to this process's environment and the variables
   * {@code unset} removed, for at most five minutes.
   */
  static Exec exec(Path dir, Map<String, String> env, Collection<String> unset, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeAll(unset);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Exec(-1, "timed out: " + String.join(" ", command));
    }
    return new Exec(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static Run run(String... args) {
    return runWithStdin("", args);
  }

  static Run runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code = Main.run(args, in, new PrintWriter(out), new PrintWriter(err), false);
    return new Run(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString().replace(System.lineSeparator(), "\n"));
  }

  /**
   * Standard output that stops taking text (a full disk, a pipe whose reader is gone): it fails every write once more
   * than {@code limit} characters have been offered, and counts what was offered.
   */
  static final class FailingWriter extends Writer {
    private final long limit;
    private long offered;

    FailingWriter(long limit) {
      this.limit = limit;
    }

    long offered() {
      return offered;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      offered += len;
      if (offered > limit) {
        throw new IOException("Broken pipe");
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** The repository's testdata folder, as the relative path tests pass on the command line. */
  static String testdata() {
    String prop = System.getProperty("istiolint.testdata");
    Path dir = prop != null ? Path.of(prop) : Path.of("../testdata");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("testdata folder not found: " + dir.toAbsolutePath());
    }
    Path cwd = Path.of("").toAbsolutePath();
    return cwd.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
