package io.github.hfcontacts.client;

/**
 * A monotonic time source in nanoseconds: what the client measures its deadlines, retry waits and
 * rate-budget slots with. Only differences between two readings mean anything, as with
 * {@link System#nanoTime()}; a ticker never jumps with the wall clock (NTP corrections, daylight
 * saving, a user changing the date), so a deadline or a budget slot can neither shrink nor grow when
 * the wall clock moves.
 *
 * <p>The client keeps two time sources apart: this ticker for durations, and a
 * {@link java.time.Clock} only for reading {@code Retry-After} HTTP-dates (which name a wall-clock
 * instant). Tests that fake time inject both, moved together by their fake {@link Sleeper}.
 *
 * <p>Example:
 * <pre>{@code
 * AtomicLong fakeNanos = new AtomicLong();
 * HappyFoxClient.builder()
 *     .ticker(fakeNanos::get)
 *     .sleeper(duration -> fakeNanos.addAndGet(duration.toNanos()));
 * }</pre>
 *
 * <p>Thread safety: implementations must be safe to call from several threads at once, and must
 * never go backwards.
 */
@FunctionalInterface
public interface Ticker {
  /**
   * Returns the current reading in nanoseconds, from an arbitrary origin.
   *
   * <p>Example: two readings 1.5 s apart differ by {@code 1_500_000_000}.
   *
   * @return nanoseconds since an arbitrary, fixed origin
   */
  long read();

  /**
   * Returns the ticker based on {@link System#nanoTime()}, the default of every client and budget.
   *
   * <p>Example: {@code RateBudget.inMemory(RateLimits.defaults(), Ticker.system())}.
   *
   * @return the system ticker, always the same instance
   */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
