package dev.istiolint.core.engine.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DumpTmpTest {
  @Test
  void dump() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String c : System.getProperty("cases", "C01").split(",")) {
      Path dir = TlsCasesTest.casesDir().resolve(c);
      TlsMatrix m = TlsCasesTest.matrix(dir, TlsCasesTest.parse(dir.resolve("routes.expect")).version());
      sb.append("== ").append(c).append(' ').append(m.profile()).append(" auto=").append(m.autoMtls()).append('\n');
      for (Route r : m.routes()) {
        sb.append(TlsCasesTest.line(r)).append("  client=").append(r.clientTlsSource().map(Provenance::describe).orElse("-"))
            .append(" server=").append(r.serverMtlsSource().map(Provenance::describe).orElse("-")).append('\n');
        r.explanation().forEach(x -> sb.append("    ").append(x).append('\n'));
        r.wire().ifPresent(x -> sb.append("  WIRE ").append(x).append('\n'));
        r.fix().ifPresent(x -> sb.append("  FIX ").append(x).append('\n'));
      }
      for (RootCause rc : m.rootCauses()) {
        sb.append("  CAUSE ").append(rc.verdict()).append(' ');
        rc.flagged().forEach(p -> sb.append(p.resource().id()).append('@').append(p.at().startLine()).append(' '));
        sb.append(" routes=").append(rc.routes().size()).append('\n');
      }
      for (IgnoredConfig i : m.ignored()) {
        sb.append("  NOTE ").append(i.cause()).append(' ').append(i.resource().id()).append('@').append(i.at().startLine()).append(' ').append(i.message()).append('\n');
      }
    }
    Files.writeString(Path.of("/tmp/tlsdump.txt"), sb.toString());
  }
}
