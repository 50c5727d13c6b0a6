package io.github.hfcontacts.ratelimit.bucket4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Three JVM processes share one account's budget through a real Redis and drive GETs and POSTs
 * against a loopback server that enforces scaled-down limits (100 GET and 60 POST per 10 s, the
 * ratio of HappyFox's 500 and 300 per minute) with a 429: none may get a 429, and together they
 * must reach 90 % of the ceiling. Then Redis is killed while they run: each must stop with the
 * typed error, and the server must see no request sent without the budget.
 */
class MultiProcessBudgetTest {
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final int GET_LIMIT = 100;
  private static final int POST_LIMIT = 60;
  private static final int WORKERS = 3;
  private static final int RUN_SECONDS = 30;

  @Test
  void threeProcessesShareOneAccountWithoutA429() throws Exception {
    try (RedisServer redis = RedisServer.start();
        EnforcingHappyFox happyFox = new EnforcingHappyFox(WINDOW, GET_LIMIT, POST_LIMIT)) {
      List<Worker> workers = startWorkers(redis, happyFox, RUN_SECONDS);
      long start = go(workers);
      for (Worker worker : workers) {
        worker.await(Duration.ofSeconds(120));
      }

      // Measured after the first window (the buckets start empty) to the end of the run.
      long from = start + WINDOW.toNanos();
      long to = start + Duration.ofSeconds(RUN_SECONDS).toNanos();
      long gets = happyFox.gets().stream().filter(at -> at[0] - from >= 0 && at[0] - to < 0).count();
      long posts = happyFox.posts().stream().filter(at -> at[0] - from >= 0 && at[0] - to < 0).count();
      double seconds = (to - from) / 1e9;
      double ceilingPerSecond = (GET_LIMIT + POST_LIMIT) / (double) WINDOW.toSeconds();
      double fraction = (gets + posts) / seconds / ceilingPerSecond;
      int worstGet = Windows.worst(happyFox.gets(), WINDOW);
      int worstPost = Windows.worst(happyFox.posts(), WINDOW);
      System.out.printf("multi-process Redis budget: %d processes, %d GET + %d POST accepted in "
              + "the %.0f s after the first window = %.1f GET and %.1f POST "
              + "per 10 s (ceiling %d and %d), %.1f %% of the aggregate ceiling; %d x 429; worst 10 s "
              + "window %d GET, %d POST%n",
          WORKERS, gets, posts, seconds, gets / seconds * 10, posts / seconds * 10, GET_LIMIT,
          POST_LIMIT, 100 * fraction, happyFox.tooManyRequests(), worstGet, worstPost);
      for (Worker worker : workers) {
        assertThat(worker.result).as(worker.toString()).contains(" unavailable=0 ", " other=0");
        assertThat(worker.result).as(worker.toString()).contains(" rateLimited=0 ");
      }
      assertThat(happyFox.tooManyRequests()).isZero();
      assertThat(worstGet).isLessThanOrEqualTo(GET_LIMIT);
      assertThat(worstPost).isLessThanOrEqualTo(POST_LIMIT);
      assertThat(fraction).isGreaterThanOrEqualTo(0.90);
    }
  }

  @Test
  void redisKilledMidRunStopsEveryProcessWithTheTypedError() throws Exception {
    try (RedisServer redis = RedisServer.start();
        EnforcingHappyFox happyFox = new EnforcingHappyFox(WINDOW, GET_LIMIT, POST_LIMIT)) {
      List<Worker> workers = startWorkers(redis, happyFox, 60);
      go(workers);
      Thread.sleep(4000);
      assertThat(happyFox.arrivals()).as("requests sent before the kill").hasSizeGreaterThan(20);

      redis.kill();
      long killedAt = System.nanoTime();
      for (Worker worker : workers) {
        worker.await(Duration.ofSeconds(50));
      }
      double stoppedAfter = (System.nanoTime() - killedAt) / 1e9;

      long late = happyFox.arrivals().stream()
          .filter(at -> at - killedAt > TimeUnit.SECONDS.toNanos(2)).count();
      System.out.printf("Redis killed mid-run: %d processes stopped %.1f s later (of 60 s "
              + "planned) with RateBudgetUnavailableException; %d requests arrived more than 2 s "
              + "after the kill; %d x 429; first error: %s%n",
          WORKERS, stoppedAfter, late, happyFox.tooManyRequests(), workers.get(0).firstUnavailable);
      for (Worker worker : workers) {
        assertThat(worker.result).as(worker.toString()).contains(" other=0");
        assertThat(worker.result).as(worker.toString()).doesNotContain(" unavailable=0 ");
        assertThat(worker.firstUnavailable).as(worker.toString()).matches(
            "(GET /api/1\\.1/json/user/42/|POST /api/1\\.1/json/users/) failed: not sent, the "
                + "rate budget is unavailable \\(RateBudgetUnavailableException: rate budget "
                + "happyfox:acme: could not take a (GET|POST) permit, the store failed \\(.*");
      }
      assertThat(late).isZero();
      assertThat(stoppedAfter).isLessThan(45);
      assertThat(happyFox.tooManyRequests()).isZero();
    }
  }

  private static List<Worker> startWorkers(
      RedisServer redis, EnforcingHappyFox happyFox, int seconds) throws IOException {
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      workers.add(new Worker(i, List.of(redis.uri(), happyFox.baseUrl(), String.valueOf(seconds),
          "2", "2", String.valueOf(WINDOW.toMillis()), String.valueOf(GET_LIMIT),
          String.valueOf(POST_LIMIT), "50", "2", "1", "2000", "10")));
    }
    return workers;
  }

  /** Waits until every worker is connected, starts them together and returns when. */
  private static long go(List<Worker> workers) throws Exception {
    for (Worker worker : workers) {
      worker.awaitReady(Duration.ofMinutes(3));
    }
    long start = System.nanoTime();
    for (Worker worker : workers) {
      worker.go();
    }
    return start;
  }

  /** A worker JVM running {@link BudgetWorker} on this test's classpath. */
  private static final class Worker {
    private final int number;
    private final Process process;
    private final File errors;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private String result = "";
    private String firstUnavailable = "";

    Worker(int number, List<String> args) throws IOException {
      this.number = number;
      this.errors = File.createTempFile("budget-worker-", ".log");
      errors.deleteOnExit();
      List<String> command = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElse("java"),
          "-Xmx256m", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"),
          BudgetWorker.class.getName()));
      command.addAll(args);
      this.process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.to(errors))
          .start();
      this.reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            synchronized (lines) {
              lines.add(line);
              lines.notifyAll();
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      });
      reader.start();
    }

    void awaitReady(Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      synchronized (lines) {
        while (!lines.contains("READY")) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || !process.isAlive()) {
            process.destroyForcibly();
            throw new AssertionError("worker " + number + " not ready within " + timeout
                + "; stderr: " + Files.readString(errors.toPath()));
          }
          lines.wait(Math.max(1, left / 1_000_000));
        }
      }
    }

    void go() throws IOException {
      process.getOutputStream().write('\n');
      process.getOutputStream().flush();
    }

    void await(Duration timeout) throws Exception {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("worker " + number + " did not finish within " + timeout
            + "; stderr: " + Files.readString(errors.toPath()));
      }
      reader.join(10_000);
      synchronized (lines) {
        for (String line : lines) {
          if (line.startsWith("RESULT ")) {
            result = line + " ";
          } else if (line.startsWith("FIRST-UNAVAILABLE ")) {
            firstUnavailable = line.substring("FIRST-UNAVAILABLE ".length());
          } else if (line.startsWith("FIRST-OTHER ") && line.length() > "FIRST-OTHER ".length()) {
            result += line;
          }
        }
      }
      assertThat(process.exitValue()).as("worker %d exit; stderr: %s", number,
          Files.readString(errors.toPath())).isZero();
    }

    @Override
    public String toString() {
      return "worker " + number + ": " + result;
    }
  }
}
