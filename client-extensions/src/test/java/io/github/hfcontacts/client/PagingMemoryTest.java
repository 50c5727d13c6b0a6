package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lazy pager holds one page at a time: walking 100,000 contacts in a JVM limited to 64 MiB of
 * heap completes, and the live heap stays under {@link #LIVE_HEAP_BOUND} (client, loopback server
 * and one page of 50 included). Runs {@link PagingMemoryWalk} in its own JVM so that the heap
 * limit and the measurement see nothing of the test runner.
 */
class PagingMemoryTest {
  static final int CONTACTS = 100_000;
  static final long LIVE_HEAP_BOUND = 12L << 20;

  @Test
  void walkingOneHundredThousandContactsNeedsOnlyOnePageOfHeap() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(
            java.toString(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-cp", System.getProperty("java.class.path"),
            PagingMemoryWalk.class.getName(), String.valueOf(CONTACTS)))
        .redirectErrorStream(true)
        .start();
    boolean exited = process.waitFor(5, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(exited).as("the walk finished within 5 minutes: %s", output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    String last = output.substring(output.lastIndexOf('\n') + 1);
    Map<String, Long> figures = new HashMap<>();
    for (String pair : last.split(" ")) {
      String[] keyValue = pair.split("=");
      figures.put(keyValue[0], Long.parseLong(keyValue[1]));
    }
    System.out.println("PagingMemoryTest: " + last);
    assertThat(figures.get("contacts")).isEqualTo(CONTACTS);
    assertThat(figures.get("idSum")).isEqualTo((long) CONTACTS * (CONTACTS + 1) / 2);
    assertThat(figures.get("maxHeap")).isLessThanOrEqualTo(64L << 20);
    assertThat(figures.get("collections")).isPositive();
    assertThat(figures.get("liveHeapPeak")).isPositive().isLessThan(LIVE_HEAP_BOUND);
  }
}
