package io.github.hfcontacts.ratelimit.bucket4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.RateBudget.Acquisition;
import io.github.hfcontacts.client.RateBudget.Kind;
import io.github.hfcontacts.client.RateBudget.Permit;
import io.github.hfcontacts.client.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc's arithmetic, checked against a real Redis in simulated time: seeded runs of 1 to 16
 * simulated threads, random GET/POST mixes, latencies from 0 to the longest permit hold (so
 * epochs change under requests in flight), random burst and in-flight settings. A request may
 * arrive anywhere between its grant and its completion; no closed 60 s window may be able to hold
 * more than the limit. {@code -Dbudget.seed=N} replays one case.
 */
class Bucket4jRateBudgetPropertyTest {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Duration MAX_HOLD = Duration.ofSeconds(20);
  private static final int CASES = Integer.getInteger("budget.redisCases", 20);

  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void noWindowOfArrivalTimesCanHoldMoreThanTheLimit() {
    Long only = Long.getLong("budget.seed");
    long first = only == null ? 1 : only;
    long last = only == null ? CASES : only;
    int requests = 0;
    double worstFraction = 0;
    for (long seed = first; seed <= last; seed++) {
      Case run = simulate(seed);
      requests += run.gets.size() + run.posts.size();
      int worstGet = Windows.worst(run.gets, WINDOW);
      int worstPost = Windows.worst(run.posts, WINDOW);
      assertThat(worstGet).as("seed %d (%s): worst GET window", seed, run).isLessThanOrEqualTo(run.getLimit);
      assertThat(worstPost).as("seed %d (%s): worst POST window", seed, run).isLessThanOrEqualTo(run.postLimit);
      worstFraction = Math.max(worstFraction, Math.max(
          (double) worstGet / run.getLimit, (double) worstPost / run.postLimit));
    }
    System.out.printf("bucket4j budget property (real Redis, simulated time): %d seeded cases, "
        + "%d requests, worst window %.1f %% of the limit%n", last - first + 1, requests,
        100 * worstFraction);
    assertThat(requests).isPositive();
  }

  private static final class Case {
    int getLimit;
    int postLimit;
    int burst;
    int inFlight;
    int threads;
    final List<long[]> gets = new ArrayList<>();
    final List<long[]> posts = new ArrayList<>();

    @Override
    public String toString() {
      return threads + " threads, limits " + getLimit + " GET/" + postLimit + " POST, burst "
          + burst + ", maxInFlight " + inFlight;
    }
  }

  private static Case simulate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Case run = new Case();
    run.getLimit = 20 + random.nextInt(41);
    run.postLimit = 15 + random.nextInt(26);
    run.burst = 1 + random.nextInt(4);
    run.inFlight = 1 + random.nextInt(3);
    run.threads = 1 + random.nextInt(16);
    double postShare = random.nextDouble();
    FakeTime time = new FakeTime();
    try (RedisBuckets store = RedisBuckets.connect(redis.uri(), time.meter())) {
      store.flush();
      Bucket4jRateBudget budget = Bucket4jRateBudget.builder(store.buckets, "happyfox:sim")
          .limits(RateLimits.of(run.getLimit, run.postLimit))
          .burst(run.burst)
          .maxInFlight(run.inFlight)
          .maxPermitHold(MAX_HOLD)
          .inFlightPollInterval(Duration.ofMillis(500))
          .clock(time.clock())
          .build();
      int total = (run.getLimit + run.postLimit) * 3;
      PriorityQueue<long[]> events = new PriorityQueue<>((a, b) ->
          a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      // event: {time, sequence, thread, phase}; phase 0 = acquire, 1 = complete
      Kind[] kinds = new Kind[run.threads];
      Permit[] permits = new Permit[run.threads];
      long[] grantedAt = new long[run.threads];
      int[] left = new int[run.threads];
      long sequence = 0;
      for (int t = 0; t < run.threads; t++) {
        left[t] = total / run.threads + (t < total % run.threads ? 1 : 0);
        kinds[t] = random.nextDouble() < postShare ? Kind.POST : Kind.GET;
        events.add(new long[] {random.nextLong(1_000_000_000L), sequence++, t, 0});
      }
      while (!events.isEmpty()) {
        long[] event = events.poll();
        time.set(event[0]);
        int t = (int) event[2];
        if (event[3] == 0) {
          Acquisition acquisition = budget.tryAcquire(kinds[t]);
          if (!acquisition.isGranted()) {
            events.add(new long[] {event[0] + acquisition.waitAtLeast().toNanos(), sequence++, t, 0});
            continue;
          }
          permits[t] = acquisition.permit();
          grantedAt[t] = event[0];
          long latency = random.nextInt(8) == 0 ? MAX_HOLD.toNanos() : random.nextLong(5_000_000_000L);
          events.add(new long[] {event[0] + latency, sequence++, t, 1});
        } else {
          permits[t].close();
          (kinds[t] == Kind.GET ? run.gets : run.posts).add(new long[] {grantedAt[t], event[0]});
          if (--left[t] > 0) {
            kinds[t] = random.nextDouble() < postShare ? Kind.POST : Kind.GET;
            events.add(new long[] {event[0], sequence++, t, 0});
          }
        }
      }
    }
    return run;
  }
}
