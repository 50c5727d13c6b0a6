package io.github.hfcontacts.ratelimit.bucket4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hfcontacts.client.RateBudget.Acquisition;
import io.github.hfcontacts.client.RateBudget.Kind;
import io.github.hfcontacts.client.RateBudget.Permit;
import io.github.hfcontacts.client.RateBudgetUnavailableException;
import io.github.hfcontacts.client.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The budget against a real Redis, in simulated time (Bucket4j's clock and the epochs' clock). */
class Bucket4jRateBudgetTest {
  // 20 per minute, burst 2, 1 in flight: refills 16 tokens per 61 s, one every 3.8125 s.
  private static final Duration TOKEN = Duration.ofNanos(3_812_500_000L);

  private static RedisServer redis;
  private final FakeTime time = new FakeTime();
  private RedisBuckets store;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @BeforeEach
  void connect() {
    store = RedisBuckets.connect(redis.uri(), time.meter());
    store.flush();
  }

  @AfterEach
  void disconnect() {
    store.close();
  }

  private Bucket4jRateBudget.Builder small(RedisBuckets buckets) {
    return Bucket4jRateBudget.builder(buckets.buckets, "happyfox:acme")
        .limits(RateLimits.of(20, 20))
        .burst(2)
        .maxInFlight(1)
        .maxPermitHold(Duration.ofSeconds(10))
        .clock(time.clock());
  }

  /** Creates the budget's buckets (empty, as every new bucket) and lets them fill up. */
  private void quietSpell(Bucket4jRateBudget budget) {
    budget.estimatedWait(Kind.GET, 1);
    budget.estimatedWait(Kind.POST, 1);
    time.advance(Duration.ofMinutes(10));
  }

  private static Permit granted(Acquisition acquisition) {
    assertThat(acquisition.isGranted()).as(acquisition.toString()).isTrue();
    return acquisition.permit();
  }

  @Test
  void startsEmptyAndGrantsOneTokenPerRefillInterval() {
    Bucket4jRateBudget budget = small(store).build();

    Acquisition first = budget.tryAcquire(Kind.GET);

    assertThat(first.isGranted()).isFalse();
    assertThat(first.isPaused()).isFalse();
    assertThat(first.waitAtLeast()).isEqualTo(TOKEN);
    time.advance(TOKEN);
    granted(budget.tryAcquire(Kind.GET)).close();
    assertThat(budget.tryAcquire(Kind.GET).waitAtLeast()).isEqualTo(TOKEN);
  }

  @Test
  void aQuietSpellSavesAtMostTheBurst() {
    Bucket4jRateBudget budget = small(store).build();
    quietSpell(budget);

    granted(budget.tryAcquire(Kind.POST)).close();
    granted(budget.tryAcquire(Kind.POST)).close();

    assertThat(budget.tryAcquire(Kind.POST).isGranted()).isFalse();
  }

  @Test
  void anOpenPermitHoldsTheOnlyInFlightTokenAndTheRateTokenIsGivenBack() {
    Bucket4jRateBudget budget = small(store).build();
    quietSpell(budget);
    Permit open = granted(budget.tryAcquire(Kind.GET));

    Acquisition refused = budget.tryAcquire(Kind.GET);

    assertThat(refused.isGranted()).isFalse();
    assertThat(refused.waitAtLeast()).isEqualTo(Duration.ofMillis(25));
    open.close();
    granted(budget.tryAcquire(Kind.GET)).close(); // the burst's second token was given back
    assertThat(budget.tryAcquire(Kind.GET).isGranted()).isFalse();
  }

  @Test
  void aNewEpochBringsFreshInFlightTokensSoAtMostTwiceTheBoundIsOut() {
    Bucket4jRateBudget budget = small(store).burst(3).build();
    quietSpell(budget);
    Permit old = granted(budget.tryAcquire(Kind.GET));
    time.advance(Duration.ofSeconds(20)); // epochs last 2 x maxPermitHold = 20 s

    Permit current = granted(budget.tryAcquire(Kind.GET));

    assertThat(budget.tryAcquire(Kind.GET).waitAtLeast()).isEqualTo(Duration.ofMillis(25));
    old.close();
    current.close();
    granted(budget.tryAcquire(Kind.GET)).close();
  }

  @Test
  void aProcessIdleForSeveralEpochsDeletesEveryInFlightBucketLeftBehind() {
    Bucket4jRateBudget budget = small(store).build();
    quietSpell(budget);
    granted(budget.tryAcquire(Kind.GET)).close();
    time.advance(Duration.ofSeconds(20)); // the next epoch
    granted(budget.tryAcquire(Kind.POST)).close();
    granted(budget.tryAcquire(Kind.GET)).close();
    assertThat(store.keys("happyfox:acme:*:inflight:*")).hasSize(3);
    time.advance(Duration.ofSeconds(100)); // idle for five epochs

    granted(budget.tryAcquire(Kind.GET)).close();

    long epoch = time.clock().millis() / 20_000;
    assertThat(store.keys("happyfox:acme:*:inflight:*"))
        .containsExactly("happyfox:acme:get:inflight:" + epoch);
  }

  @Test
  void aPauseMakesEveryKindWaitForIt() {
    Bucket4jRateBudget budget = small(store).build();
    quietSpell(budget);

    budget.pause(Duration.ofSeconds(30));

    for (Kind kind : Kind.values()) {
      Acquisition refused = budget.tryAcquire(kind);
      assertThat(refused.isPaused()).as(kind.name()).isTrue();
      assertThat(refused.waitAtLeast()).isBetween(Duration.ofSeconds(30),
          Duration.ofSeconds(30).plus(TOKEN).plus(TOKEN));
    }
    time.advance(Duration.ofSeconds(30).plus(TOKEN).plus(TOKEN));
    granted(budget.tryAcquire(Kind.GET)).close();
  }

  @Test
  void twoProcessesNamingTheSameAccountShareTheBudget() {
    try (RedisBuckets other = RedisBuckets.connect(redis.uri(), time.meter())) {
      Bucket4jRateBudget here = small(store).build();
      Bucket4jRateBudget there = small(other).build();
      Bucket4jRateBudget elsewhere =
          Bucket4jRateBudget.builder(other.buckets, "happyfox:globex").limits(RateLimits.of(20, 20))
              .burst(2).maxInFlight(1).clock(time.clock()).build();
      quietSpell(here);
      quietSpell(elsewhere);

      granted(here.tryAcquire(Kind.POST)).close();
      granted(there.tryAcquire(Kind.POST)).close();

      assertThat(here.tryAcquire(Kind.POST).isGranted()).isFalse();
      assertThat(there.tryAcquire(Kind.POST).isGranted()).isFalse();
      granted(elsewhere.tryAcquire(Kind.POST)).close();
    }
  }

  @Test
  void aPauseRecordedByOneProcessPausesTheOthers() {
    try (RedisBuckets other = RedisBuckets.connect(redis.uri(), time.meter())) {
      Bucket4jRateBudget here = small(store).build();
      Bucket4jRateBudget there = small(other).build();
      quietSpell(here);

      here.pause(Duration.ofMinutes(10)); // this process met a 429

      Acquisition refused = there.tryAcquire(Kind.POST);
      assertThat(refused.isPaused()).isTrue();
      assertThat(refused.waitAtLeast()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
      assertThat(there.estimatedWait(Kind.GET, 1)).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }
  }

  @Test
  void estimatedWaitDividesWhatIsMissingByTheRefillRate() {
    Bucket4jRateBudget budget = small(store).build();
    quietSpell(budget); // the burst of 2 is saved

    assertThat(budget.estimatedWait(Kind.GET, 2)).isZero();
    assertThat(budget.estimatedWait(Kind.GET, 18).toNanos())
        .isCloseTo(TOKEN.multipliedBy(16).toNanos(), within(1_000L));
  }

  @Test
  void theDefaultsSustainTheDocumentedRates() {
    Bucket4jRateBudget budget = Bucket4jRateBudget.builder(store.buckets, "happyfox:acme").build();

    assertThat(budget.sustainedPerMinute(Kind.GET)).isCloseTo(472.13, within(0.01));
    assertThat(budget.sustainedPerMinute(Kind.POST)).isCloseTo(275.41, within(0.01));
    assertThat(budget.maxPermitHold()).hasValue(Duration.ofSeconds(60));
    assertThat(budget).hasToString("Bucket4jRateBudget{name=happyfox:acme, RateLimits{GET=500/min, "
        + "POST=300/min}, burst=4, maxInFlight=8, maxPermitHold=PT1M}");
  }

  @Test
  void settingsAreValidatedNamingTheArgument() {
    assertThatThrownBy(() -> small(store).maxInFlight(10).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst + 2 x maxInFlight (22) must be less than the GET limit (20), or "
            + "nothing is left to refill");
    assertThatThrownBy(() -> Bucket4jRateBudget.builder(store.buckets, "happy fox").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be 1 to 200 printable ASCII characters without spaces, like "
            + "happyfox:acme");
    assertThatThrownBy(() -> small(store).limits(RateLimits.unlimited()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limits must not be unlimited; use RateBudget.unlimited()");
    assertThatThrownBy(() -> small(store).maxPermitHold(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPermitHold must be between PT0.001S and PT1H but was PT0S");
  }

  @Test
  void aStoreThatGoesDownGivesATypedErrorNeverAPermit() throws Exception {
    RedisServer doomed = RedisServer.start();
    try (RedisBuckets buckets = RedisBuckets.connect(doomed.uri(), time.meter())) {
      Bucket4jRateBudget budget = Bucket4jRateBudget.builder(buckets.buckets, "happyfox:acme")
          .limits(RateLimits.of(20, 20)).burst(2).maxInFlight(1).clock(time.clock()).build();
      quietSpell(budget);
      Permit open = granted(budget.tryAcquire(Kind.GET));

      doomed.kill();

      assertThatThrownBy(() -> budget.tryAcquire(Kind.GET))
          .isInstanceOf(RateBudgetUnavailableException.class)
          .hasMessageStartingWith("rate budget happyfox:acme: could not take a GET permit, the "
              + "store failed (");
      assertThatThrownBy(() -> budget.pause(Duration.ofMinutes(10)))
          .isInstanceOf(RateBudgetUnavailableException.class);
      assertThatThrownBy(() -> budget.estimatedWait(Kind.POST, 10))
          .isInstanceOf(RateBudgetUnavailableException.class);
      open.close(); // never throws: the token stays taken until its epoch ends
    } finally {
      doomed.close();
    }
  }
}
