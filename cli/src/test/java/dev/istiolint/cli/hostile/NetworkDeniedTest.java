package dev.istiolint.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract item 7, no network: an analysis over inputs full of URLs (Java gadget tags, a kustomization with remote
 * resources, JNDI strings) gives the same bytes when networking is impossible, and makes no connection attempt.
 */
class NetworkDeniedTest {

  private static List<String> args() {
    Path files = HostileInputTest.files();
    return List.of(
        "--format", "json",
        HostileInputTest.good(),
        files.resolve("tag-java-gadgets.yaml").toString(),
        files.resolve("kustomize").toString(),
        files.resolve("str-format-specifiers.yaml").toString(),
        files.resolve("str-shell.yaml").toString(),
        HostileInputTest.testdata().resolve("examples").toString());
  }

  @Test
  void analysisInAProcessWithoutNetworkGivesTheSameReport(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(works("unshare", "-rn", "true"), "unshare -rn is not available here (no user namespaces)");
    CliRun inProcess = CliRun.of(args(), InputStream.nullInputStream());
    assertThat(inProcess.out()).contains("\"findings\"");

    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(
        "unshare", "-rn", java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.istiolint.cli.Main"));
    command.addAll(args());
    Path out = tmp.resolve("out.json");
    Path err = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the isolated run ends").isTrue();

    assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEqualTo(inProcess.err());
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(inProcess.out());
    assertThat(p.exitValue()).isEqualTo(inProcess.exit());
  }

  @Test
  void analysisMakesNoConnectionAttempt() throws Exception {
    Map<String, String> saved = new java.util.HashMap<>();
    List<String> keys = List.of("socksProxyHost", "socksProxyPort", "http.proxyHost", "http.proxyPort",
        "https.proxyHost", "https.proxyPort", "ftp.proxyHost", "ftp.proxyPort", "http.nonProxyHosts");
    ProxySelector savedSelector = ProxySelector.getDefault();
    List<URI> asked = new CopyOnWriteArrayList<>();
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!trap.isClosed()) {
          try {
            Socket s = trap.accept();
            accepted.incrementAndGet();
            s.close();
          } catch (IOException closed) {
            return;
          }
        }
      }, "network-trap");
      acceptor.setDaemon(true);
      acceptor.start();
      String port = String.valueOf(trap.getLocalPort());
      for (String k : keys) {
        saved.put(k, System.getProperty(k));
      }
      System.setProperty("socksProxyHost", "127.0.0.1");
      System.setProperty("socksProxyPort", port);
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", port);
      System.setProperty("https.proxyHost", "127.0.0.1");
      System.setProperty("https.proxyPort", port);
      System.setProperty("ftp.proxyHost", "127.0.0.1");
      System.setProperty("ftp.proxyPort", port);
      System.setProperty("http.nonProxyHosts", "");
      InetSocketAddress trapAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), trap.getLocalPort());
      ProxySelector.setDefault(new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
          asked.add(uri);
          return List.of(new Proxy(Proxy.Type.SOCKS, trapAddress));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
          asked.add(uri);
        }
      });

      CliRun trapped = CliRun.of(args(), InputStream.nullInputStream());
      restore(saved, savedSelector);
      CliRun free = CliRun.of(args(), InputStream.nullInputStream());

      assertThat(asked).as("proxy look-ups (each would be a connection)").isEmpty();
      assertThat(accepted.get()).as("connections to the trap").isZero();
      assertThat(trapped).isEqualTo(free);
    } finally {
      restore(saved, savedSelector);
    }
  }

  private static void restore(Map<String, String> saved, ProxySelector selector) {
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
    ProxySelector.setDefault(selector);
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
