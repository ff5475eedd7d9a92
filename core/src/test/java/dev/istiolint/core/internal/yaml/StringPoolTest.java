package dev.istiolint.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StringPoolTest {

  @Test
  void equalShortTextsBecomeOneObject() {
    StringPool pool = new StringPool();
    String a = new String("version");
    String b = new String("version");
    assertThat(pool.intern(a)).isSameAs(a);
    assertThat(pool.intern(b)).isSameAs(a);
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void longTextsAreReturnedAsGiven() {
    StringPool pool = new StringPool();
    String a = "x".repeat(StringPool.MAX_LENGTH + 1);
    String b = new String(a);
    assertThat(pool.intern(a)).isSameAs(a);
    assertThat(pool.intern(b)).isSameAs(b);
    assertThat(pool.size()).isZero();
  }

  @Test
  void documentsOfOneLoaderShareTheirTexts() {
    YamlLoader loader = new YamlLoader();
    YDocument one = loader.load("a.yaml", "labels: {app: web}\n".getBytes(StandardCharsets.UTF_8)).documents().get(0);
    YDocument two = loader.load("b.yaml", "labels: {app: web}\n".getBytes(StandardCharsets.UTF_8)).documents().get(0);
    assertThat(one.strings()).isSameAs(loader.strings()).isSameAs(two.strings());
    YScalar first = (YScalar) ((YMap) ((YMap) one.root()).get("labels").orElseThrow()).get("app").orElseThrow();
    YScalar second = (YScalar) ((YMap) ((YMap) two.root()).get("labels").orElseThrow()).get("app").orElseThrow();
    assertThat(second.value()).isSameAs(first.value());
  }

  @Test
  void threadsInterningTheSameTextsGetTheSameObjects() throws Exception {
    StringPool pool = new StringPool();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        results.add(
            threads.submit(
                () -> {
                  List<String> out = new ArrayList<>();
                  for (int i = 0; i < 10_000; i++) {
                    out.add(pool.intern(new String("k" + (i % 100))));
                  }
                  return out;
                }));
      }
      List<String> a = results.get(0).get();
      List<String> b = results.get(1).get();
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.get(i)).isSameAs(a.get(i));
      }
      assertThat(pool.size()).isEqualTo(100);
    } finally {
      threads.shutdown();
    }
  }
}
