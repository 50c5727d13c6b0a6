package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.RateBudget.Acquisition;
import io.github.hfcontacts.client.RateBudget.Kind;
import io.github.hfcontacts.client.RateBudget.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRateBudgetTest {
  private static final Duration HOLD = Duration.ofSeconds(61); // a minute plus the 1 s margin

  private final FakeClock clock = new FakeClock();
  private final RateBudget budget = RateBudget.inMemory(RateLimits.of(3, 2), clock.ticker());

  private Permit grant(Kind kind) {
    Acquisition acquisition = budget.tryAcquire(kind);
    assertThat(acquisition.isGranted()).as("granted at %s", clock.elapsed()).isTrue();
    return acquisition.permit();
  }

  @Test
  void grantsUpToTheLimitThenNamesTheWaitFromTheFirstClose() {
    List<Permit> permits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      permits.add(grant(Kind.GET));
      clock.advance(Duration.ofSeconds(1));
    }
    permits.get(0).close(); // closed at 3 s: its slot frees at 64 s
    clock.advance(Duration.ofSeconds(2));

    Acquisition refused = budget.tryAcquire(Kind.GET);

    assertThat(refused.isGranted()).isFalse();
    assertThat(refused.isPaused()).isFalse();
    assertThat(refused.waitAtLeast()).isEqualTo(Duration.ofSeconds(59));
    clock.advance(Duration.ofSeconds(59));
    assertThat(budget.tryAcquire(Kind.GET).isGranted()).isTrue();
  }

  @Test
  void aRequestInFlightKeepsItsSlotForAsLongAsItRuns() {
    Permit slow = grant(Kind.POST);
    grant(Kind.POST).close();
    clock.advance(Duration.ofMinutes(5)); // the quick one has cooled down, the slow one still runs
    grant(Kind.POST);

    assertThat(budget.tryAcquire(Kind.POST).waitAtLeast()).isEqualTo(HOLD);

    slow.close(); // counted until a minute and the margin after its response
    clock.advance(HOLD.minusNanos(1));
    assertThat(budget.tryAcquire(Kind.POST).isGranted()).isFalse();
    clock.advance(Duration.ofNanos(1));
    assertThat(budget.tryAcquire(Kind.POST).isGranted()).isTrue();
  }

  @Test
  void whenEverySlotIsInFlightTheLeastWaitIsAFullHold() {
    grant(Kind.POST);
    grant(Kind.POST);

    assertThat(budget.tryAcquire(Kind.POST).waitAtLeast()).isEqualTo(HOLD);
  }

  @Test
  void getAndPostBudgetsAreSeparate() {
    grant(Kind.POST).close();
    grant(Kind.POST).close();
    assertThat(budget.tryAcquire(Kind.POST).isGranted()).isFalse();

    grant(Kind.GET).close();
    grant(Kind.GET).close();
    grant(Kind.GET).close();
    assertThat(budget.tryAcquire(Kind.GET).isGranted()).isFalse();
  }

  @Test
  void closingAPermitTwiceReleasesOneSlot() {
    Permit permit = grant(Kind.POST);
    permit.close();
    permit.close();
    grant(Kind.POST);

    assertThat(budget.tryAcquire(Kind.POST).isGranted()).isFalse();
  }

  @Test
  void aPauseRefusesEveryKindUntilItEnds() {
    budget.pause(Duration.ofSeconds(30));
    budget.pause(Duration.ofSeconds(10)); // shorter: changes nothing

    Acquisition get = budget.tryAcquire(Kind.GET);
    Acquisition post = budget.tryAcquire(Kind.POST);

    assertThat(get.isPaused()).isTrue();
    assertThat(get.waitAtLeast()).isEqualTo(Duration.ofSeconds(30));
    assertThat(post.isPaused()).isTrue();
    clock.advance(Duration.ofSeconds(30));
    assertThat(budget.tryAcquire(Kind.GET).isGranted()).isTrue();
  }

  @Test
  void estimatedWaitCountsWholeHoldsPerLimit() {
    assertThat(budget.estimatedWait(Kind.GET, 0)).isZero();
    assertThat(budget.estimatedWait(Kind.GET, 3)).isZero();
    assertThat(budget.estimatedWait(Kind.GET, 4)).isEqualTo(HOLD);
    assertThat(budget.estimatedWait(Kind.GET, 7)).isEqualTo(HOLD.multipliedBy(2));

    grant(Kind.GET).close();
    clock.advance(Duration.ofSeconds(10));
    // two slots free now, the third at 61 s (51 s from now), the fourth request reuses slot one.
    assertThat(budget.estimatedWait(Kind.GET, 2)).isZero();
    assertThat(budget.estimatedWait(Kind.GET, 3)).isEqualTo(Duration.ofSeconds(51));
    assertThat(budget.estimatedWait(Kind.GET, 4)).isEqualTo(HOLD);

    budget.pause(Duration.ofSeconds(20));
    assertThat(budget.estimatedWait(Kind.GET, 1)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void defaultLimitsEstimateTheDocumentedExample() {
    RateBudget defaults = RateBudget.inMemory(RateLimits.defaults(), clock.ticker());

    assertThat(defaults.estimatedWait(Kind.GET, 1200)).isEqualTo(HOLD.multipliedBy(2));
  }

  @Test
  void unlimitedGrantsEverythingAndIgnoresPauses() {
    RateBudget unlimited = RateBudget.unlimited();
    unlimited.pause(Duration.ofMinutes(10));

    for (int i = 0; i < 10_000; i++) {
      assertThat(unlimited.tryAcquire(Kind.POST).isGranted()).isTrue();
    }
    assertThat(unlimited.estimatedWait(Kind.GET, Long.MAX_VALUE)).isZero();
  }

  @Test
  void refusalsAreValidatedAndCarryNoPermit() {
    assertThat(Thrown.by(IllegalArgumentException.class, () -> Acquisition.denied(Duration.ZERO)))
        .hasMessage("waitAtLeast must be positive but was PT0S");
    assertThat(Thrown.by(IllegalStateException.class,
            () -> Acquisition.paused(Duration.ofSeconds(2)).permit()))
        .hasMessage("no permit: the acquisition was refused; wait PT2S and ask again");
    assertThat(Acquisition.denied(Duration.ofMillis(250))).hasToString(
        "Acquisition{denied, wait PT0.25S}");
  }

  @Test
  void inMemoryRefusesUnlimitedLimits() {
    assertThat(Thrown.by(IllegalArgumentException.class,
            () -> RateBudget.inMemory(RateLimits.unlimited())))
        .hasMessage("limits must not be unlimited for an in-memory budget; use RateBudget.unlimited()");
  }

  @Test
  void kindsFollowHappyFoxsTwoCounters() {
    assertThat(Kind.of("GET")).isEqualTo(Kind.GET);
    assertThat(Kind.of("head")).isEqualTo(Kind.GET);
    assertThat(Kind.of("POST")).isEqualTo(Kind.POST);
    assertThat(Kind.of("DELETE")).isEqualTo(Kind.POST);
  }

  @Test
  void safetyMarginIsValidatedAndLengthensTheHold() {
    assertThat(Thrown.by(IllegalArgumentException.class,
            () -> RateLimits.defaults().withSafetyMargin(Duration.ZERO)))
        .hasMessage("safetyMargin must be positive and at most PT1M but was PT0S");
    RateBudget wide = RateBudget.inMemory(
        RateLimits.of(1, 1).withSafetyMargin(Duration.ofSeconds(5)), clock.ticker());
    wide.tryAcquire(Kind.GET).permit().close();

    assertThat(wide.tryAcquire(Kind.GET).waitAtLeast()).isEqualTo(Duration.ofSeconds(65));
    assertThat(RateLimits.of(1, 1).withSafetyMargin(Duration.ofSeconds(5)))
        .hasToString("RateLimits{GET=1/min, POST=1/min, safetyMargin=PT5S}");
  }
}
