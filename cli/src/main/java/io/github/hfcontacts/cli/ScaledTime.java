package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.Sleeper;
import io.github.hfcontacts.client.Ticker;
import java.time.Duration;

/**
 * Time that runs {@code factor} times faster than the wall clock, for a sandbox whose rate limits
 * are time-scaled the same way: with both scaled, the client's rate budget keeps HappyFox's real
 * numbers (500 GET and 300 POST a minute) in the sandbox's minute.
 */
final class ScaledTime {
  private final double factor;
  private final long originNanos;

  ScaledTime(double factor) {
    if (!(factor >= 1.0) || factor > 10_000 || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("time scale must be between 1 and 10000 but was " + factor);
    }
    this.factor = factor;
    this.originNanos = System.nanoTime();
  }

  double factor() {
    return factor;
  }

  /** Converts a duration of scaled time into wall-clock time. */
  Duration toWall(Duration scaled) {
    return Duration.ofNanos((long) (scaled.toNanos() / factor));
  }

  /** The monotonic time the client measures its budget and deadlines with, scaled. */
  Ticker ticker() {
    return () -> originNanos + (long) ((System.nanoTime() - originNanos) * factor);
  }

  Sleeper sleeper() {
    return duration -> {
      long nanos = toWall(duration).toNanos();
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    };
  }
}
