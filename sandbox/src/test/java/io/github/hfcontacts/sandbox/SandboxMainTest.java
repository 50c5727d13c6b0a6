package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SandboxMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void helpListsEveryOption() {
    assertThat(run("--help")).isZero();

    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--port", "--bind", "--api-key", "--auth-code", "--seed",
        "--seed-contacts", "--time-scale", "--gets-per-window", "--posts-per-window",
        "--window-seconds", "--block-seconds", "--no-rate-limits", "--latency-ms",
        "--server-error-rate", "--server-error-status", "--disconnect-rate", "--fault-seed",
        "--apply-before-failing", "--validation-status", "--exit-on-stdin-close"}) {
      assertThat(help).contains(option);
    }
  }

  @Test
  void badOptionsExitWithTwoAndSayWhy() {
    assertThat(run("--colour", "red")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");
    err.reset();
    assertThat(run("--port")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port needs a value");
    err.reset();
    assertThat(run("--seed-contacts", "many")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed-contacts takes a whole");
    err.reset();
    assertThat(run("--server-error-rate=2")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("serverErrorRate");
  }

  @Test
  void optionsConfigureTheSandbox() {
    SandboxMain.Options options = SandboxMain.Options.parse(new String[] {"--api-key", "k",
        "--auth-code=c", "--gets-per-window", "5", "--posts-per-window", "3",
        "--window-seconds", "10", "--block-seconds", "20", "--latency-ms", "5",
        "--server-error-rate", "0.25", "--fault-seed", "9", "--seed-contacts", "3"});

    try (HappyFoxSandbox sandbox = options.builder.start()) {
      assertThat(sandbox.apiKey()).isEqualTo("k");
      assertThat(sandbox.authCode()).isEqualTo("c");
      assertThat(sandbox.rateLimits()).isEqualTo(SandboxRateLimits.of(5, 3,
          Duration.ofSeconds(10), Duration.ofSeconds(20)));
      assertThat(sandbox.faults()).isEqualTo(SandboxFaults.none()
          .withLatency(Duration.ofMillis(5)).withServerErrorRate(0.25).withSeed(9));
      assertThat(sandbox.stats().contacts()).isEqualTo(3);
    }
    assertThat(SandboxMain.Options.parse(new String[] {"--no-rate-limits"}).builder.start())
        .satisfies(sandbox -> {
          assertThat(sandbox.rateLimits().isUnlimited()).isTrue();
          sandbox.close();
        });
  }

  @Test
  void printsItsCoordinatesThenServesUntilStdinCloses() throws Exception {
    PipedOutputStream stdin = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(stdin);
    PipedOutputStream printed = new PipedOutputStream();
    PipedInputStream lines = new PipedInputStream(printed, 64 * 1024);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SandboxMain.run(
        new String[] {"--port", "0", "--seed-contacts", "2", "--exit-on-stdin-close"},
        new PrintStream(printed, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), in));

    Map<String, String> values = PrintedCoordinates.read(lines);

    assertThat(values).containsKeys("HAPPYFOX_SANDBOX_URL", "HAPPYFOX_SANDBOX_BASE_URL",
        "HAPPYFOX_SANDBOX_ADMIN_URL", "HAPPYFOX_SANDBOX_PORT")
        .containsEntry("HAPPYFOX_SANDBOX_API_KEY", "sandbox-api-key")
        .containsEntry("HAPPYFOX_SANDBOX_AUTH_CODE", "sandbox-auth-code");
    assertThat(values.get("HAPPYFOX_SANDBOX_URL")).matches(
        "http://127\\.0\\.0\\.1:\\d+/api/1\\.1/json/");
    Http.Answer stats = new Http(null, null, null).send("GET",
        values.get("HAPPYFOX_SANDBOX_ADMIN_URL") + "stats", null).expect(200);
    assertThat(stats.object()).containsEntry("contacts", 2L);

    stdin.close();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
  }
}
