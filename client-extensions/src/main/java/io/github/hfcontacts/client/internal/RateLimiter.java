package io.github.hfcontacts.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A sliding-window request budget: at most {@code permits} requests in any window of
 * {@code window}. Callers reserve a slot and sleep until it themselves, so that waits go through the
 * client's injectable sleeper and respect the operation's deadline. Not API.
 *
 * <p>Why a sliding window rather than a token bucket: HappyFox counts requests per minute and
 * blocks the account for 10 minutes when the count is exceeded; a bucket that starts full allows up
 * to twice the budget in one minute, a window log never exceeds it.
 *
 * <p>Thread safety: safe for concurrent use; reservations are serialised on this object.
 */
public final class RateLimiter {
  private final long windowNanos;
  private final Clock clock;
  // Scheduled send times (epoch nanoseconds) of the last `permits` reservations, oldest at `next`.
  // Reservations are scheduled in non-decreasing order, so the ring stays sorted.
  private final long[] slots;
  private int next;

  /**
   * Creates a limiter.
   *
   * @param permits requests allowed per window, at least 1
   * @param window the window length
   * @param clock the client's clock
   */
  public RateLimiter(int permits, Duration window, Clock clock) {
    this.windowNanos = window.toNanos();
    this.clock = clock;
    this.slots = new long[permits];
    java.util.Arrays.fill(slots, Long.MIN_VALUE / 2);
  }

  /**
   * Reserves the earliest slot and returns how long to wait for it, unless that wait exceeds
   * {@code maxWait}: then nothing is reserved and the (too long) wait is returned, so that the
   * caller can tell by comparing it with {@code maxWait}.
   *
   * @param maxWait the longest acceptable wait
   * @return the wait before sending, reserved when it is at most {@code maxWait}
   */
  public synchronized Duration reserve(Duration maxWait) {
    long now = epochNanos(clock.instant());
    long earliest = slots[next] + windowNanos;
    long at = Math.max(now, earliest);
    Duration wait = Duration.ofNanos(at - now);
    if (wait.compareTo(maxWait) > 0) {
      return wait;
    }
    slots[next] = at;
    next = (next + 1) % slots.length;
    return wait;
  }

  private static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
