package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void neverGrantsMoreThanTheBudgetInAnyWindow() {
    MutableClock clock = new MutableClock();
    RateLimiter limiter = new RateLimiter(5, MINUTE, clock);
    List<Instant> sends = new ArrayList<>();

    for (int i = 0; i < 23; i++) {
      Duration wait = limiter.reserve(Duration.ofHours(1));
      clock.now = clock.now.plus(wait);
      sends.add(clock.now);
      clock.now = clock.now.plusSeconds(3); // some work between calls
    }

    for (int i = 5; i < sends.size(); i++) {
      assertThat(Duration.between(sends.get(i - 5), sends.get(i))).isGreaterThanOrEqualTo(MINUTE);
    }
  }

  @Test
  void aWaitOverTheMaximumReservesNothing() {
    MutableClock clock = new MutableClock();
    RateLimiter limiter = new RateLimiter(1, MINUTE, clock);
    assertThat(limiter.reserve(Duration.ZERO)).isZero();

    assertThat(limiter.reserve(Duration.ofSeconds(10))).isEqualTo(MINUTE);
    assertThat(limiter.reserve(Duration.ofSeconds(10))).isEqualTo(MINUTE);

    clock.now = clock.now.plus(MINUTE);
    assertThat(limiter.reserve(Duration.ZERO)).isZero();
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2025-01-15T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
