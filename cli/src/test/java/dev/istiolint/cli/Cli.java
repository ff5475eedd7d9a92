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

/** Runs the CLI in-process with captured streams, and finds the shared test data. */
final class Cli {

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  private Cli() {}

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
