package io.github.hfcontacts.ratelimit.bucket4j;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Simulated wall time, seen by Bucket4j (a TimeMeter) and by the budget's epochs (a Clock). */
final class FakeTime {
  /** 2025-01-15T10:00:00Z, in nanoseconds since the epoch. */
  private static final long START = Instant.parse("2025-01-15T10:00:00Z").toEpochMilli() * 1_000_000;

  private final AtomicLong nanos = new AtomicLong(START);

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  void set(long elapsedNanos) {
    nanos.set(START + elapsedNanos);
  }

  TimeMeter meter() {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanos.get();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  Clock clock() {
    return new Clock() {
      @Override
      public Instant instant() {
        long now = nanos.get();
        return Instant.ofEpochSecond(now / 1_000_000_000, now % 1_000_000_000);
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
