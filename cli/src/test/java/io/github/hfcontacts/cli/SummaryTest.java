package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void paceIsMeasuredAgainstTheLeastTimeTheBudgetAllows() {
    AtomicLong now = new AtomicLong();
    RateMeter meter = new RateMeter(10, now::get); // the sandbox's minute is 6 s
    for (int i = 0; i < 1500; i++) {
      meter.count();
    }
    // 1,500 at 500 a minute need at least 2 minutes (500 at once, 500 after 1, 500 after 2).
    now.set(12_500_000_000L); // 2.083 scaled minutes

    assertThat(meter.describe("GET", 500)).isEqualTo(
        "1,500 GET requests, 720.0 a minute (96.0% of the pace the 500/min budget allows)");
    assertThat(meter.brief("GET")).isEqualTo("720 GET/min");
  }

  @Test
  void noRateWithinTheFirstMinute() {
    AtomicLong now = new AtomicLong();
    RateMeter meter = new RateMeter(1, now::get);
    for (int i = 0; i < 7; i++) {
      meter.count();
    }
    now.addAndGet(2_000_000_000L);

    assertThat(meter.describe("GET", 500))
        .isEqualTo("7 GET requests (within the first minute's budget of 500)");
  }

  @Test
  void durations() {
    assertThat(Summary.duration(Duration.ofMillis(1250))).isEqualTo("1.3 s");
    assertThat(Summary.duration(Duration.ofSeconds(245))).isEqualTo("4m05s");
    assertThat(Summary.duration(Duration.ofMinutes(125))).isEqualTo("2h05m");
  }

  @Test
  void etaIsTheBudgetsWaitWhenRequestsAreFast() {
    // 1,500 requests left; 100 went in 10 s, but the budget says 3 minutes.
    assertThat(Progress.eta(Duration.ofMinutes(3), 1500, 100, Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void etaFollowsASlowerMeasuredPace() {
    // 100 requests a minute measured: the server, not the budget, sets the pace.
    assertThat(Progress.eta(Duration.ofMinutes(3), 1500, 100, Duration.ofMinutes(1)))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void etaIgnoresThePaceOfTheFirstFewRequests() {
    assertThat(Progress.eta(Duration.ofSeconds(4), 10, 2, Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(Progress.eta(Duration.ofSeconds(4), 0, 2, Duration.ofSeconds(30))).isZero();
  }
}
