package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void rateIsPerMinuteOfTheAccountsTime() {
    assertThat(Summary.rate(2000, Duration.ofSeconds(24), 10, 490, "GET"))
        .isEqualTo("2,000 GET requests, 500.0 a minute (102.0% of the 490/min budget)");
  }

  @Test
  void noRateWithinTheFirstMinute() {
    assertThat(Summary.rate(7, Duration.ofSeconds(2), 1, 490, "GET"))
        .isEqualTo("7 GET requests (within the first minute's budget of 490)");
  }

  @Test
  void durations() {
    assertThat(Summary.duration(Duration.ofMillis(1250))).isEqualTo("1.3 s");
    assertThat(Summary.duration(Duration.ofSeconds(245))).isEqualTo("4m05s");
    assertThat(Summary.duration(Duration.ofMinutes(125))).isEqualTo("2h05m");
  }

  @Test
  void etaComesFromTheBudgetOnceTheMinuteIsSpent() {
    // 1,500 requests at 500 a minute, the last minute's 500 spent: three minutes, however fast
    // the requests themselves are.
    assertThat(Progress.eta(1500, 500, 500, 3000)).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void etaCountsWhatTheCurrentMinuteStillAllows() {
    // 121 sent this minute, 279 left: all fit in the budget's minute, at the measured 2,000/min.
    assertThat(Progress.eta(279, 490, 121, 2000)).isEqualTo(Duration.ofMillis(8370));
    // 1,000 left: 369 now, the other 631 as the minute rolls on, at 490 a minute.
    assertThat(Progress.eta(1000, 490, 121, 2000).toSeconds()).isEqualTo(77);
  }

  @Test
  void etaFollowsASlowerMeasuredRate() {
    // 100 requests a minute measured: the server, not the budget, sets the pace.
    assertThat(Progress.eta(200, 500, 100, 100)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void budgetSamplesCountOnlyTheLastMinute() {
    Progress.Budget budget = new Progress.Budget(500);
    long t0 = System.nanoTime();
    budget.eta(1450, 0, t0);
    budget.eta(1000, 450, t0 + 1_000_000_000L);
    // 70 s in, 950 sent: the 450 of the first second left the window, 500 are in it, so the
    // 500 left wait for the minute to roll on: one minute at 500 a minute.
    Duration eta = budget.eta(500, 950, t0 + 70_000_000_000L);
    assertThat(eta.toSeconds()).isEqualTo(60);
  }

  @Test
  void redactorHidesSecretsAndTheirBasicEncoding() {
    Redactor redactor = new Redactor(java.util.List.of("key-1234", "code-5678"));
    String basic = java.util.Base64.getEncoder().encodeToString(
        "key-1234:code-5678".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(redactor.scrub("a key-1234 b code-5678 c Basic " + basic))
        .isEqualTo("a [redacted] b [redacted] c Basic [redacted]");
  }
}
