package io.github.hfcontacts.sandbox;

import java.util.function.LongSupplier;

/**
 * The sandbox's rate-limit time: the ticker's elapsed nanoseconds times the time scale, so that
 * with a scale of 60 a simulated minute passes in one real second. Converts simulated durations
 * back to real seconds for {@code Retry-After}.
 */
final class SimulatedTime {
  private final LongSupplier ticker;
  private final double scale;
  private final long origin;

  SimulatedTime(LongSupplier ticker, double scale) {
    this.ticker = ticker;
    this.scale = scale;
    this.origin = ticker.getAsLong();
  }

  /** Simulated nanoseconds since the sandbox started. */
  long nanos() {
    return (long) ((ticker.getAsLong() - origin) * scale);
  }

  /** Real nanoseconds for a simulated duration. */
  long realNanos(long simulatedNanos) {
    return (long) Math.ceil(simulatedNanos / scale);
  }

  /** Real whole seconds, rounded up (at least 1), for a positive simulated duration. */
  long realSecondsCeil(long simulatedNanos) {
    double seconds = simulatedNanos / scale / 1e9;
    return Math.max(1L, (long) Math.ceil(seconds - 1e-9));
  }
}
