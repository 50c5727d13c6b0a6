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
  void etaComesFromTheBudget() {
    // 1,500 requests at 500 a minute: three minutes, however fast the first ones went.
    assertThat(Progress.eta(1500, 500, 500, Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void etaFollowsASlowerMeasuredRate() {
    // 100 requests took 1 minute: the server, not the budget, sets the pace.
    assertThat(Progress.eta(200, 500, 100, Duration.ofMinutes(1)))
        .isEqualTo(Duration.ofMinutes(2));
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
