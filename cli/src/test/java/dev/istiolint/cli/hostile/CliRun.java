package dev.istiolint.cli.hostile;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One in-process run of the CLI through {@code Main.run(args, stdin, out, err, terminal)} (package-private, reached
 * by reflection so the hostile tests stay in their own package). Output is kept as Java strings, so an unpaired
 * surrogate that would have become a {@code ?} on the way to a terminal is still visible to the checks.
 */
record CliRun(List<String> args, int exit, String out, String err) {

  private static final Method RUN;

  static {
    try {
      Class<?> main = Class.forName("dev.istiolint.cli.Main");
      RUN = main.getDeclaredMethod("run", String[].class, InputStream.class, PrintWriter.class, PrintWriter.class, boolean.class);
      RUN.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static CliRun of(List<String> args, InputStream stdin) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      try {
        exit = (Integer) RUN.invoke(null, args.toArray(String[]::new), stdin, o, e, false);
      } catch (InvocationTargetException ex) {
        throw new AssertionError("the CLI threw instead of returning an exit code", ex.getCause());
      } catch (IllegalAccessException ex) {
        throw new AssertionError(ex);
      }
    }
    return new CliRun(List.copyOf(args), exit, out.toString(), err.toString());
  }

  /** Standard output and error together, as a terminal shows them. */
  String both() {
    return out + err;
  }
}
