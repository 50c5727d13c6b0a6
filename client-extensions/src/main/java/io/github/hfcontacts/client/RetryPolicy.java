package io.github.hfcontacts.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries one logical operation: attempts, full-jitter exponential backoff, the
 * longest {@code Retry-After} it is willing to sleep, and an overall deadline that includes every
 * attempt and every wait.
 *
 * <p>Which failures are retried is fixed by HTTP semantics and the contract, not by this policy: a
 * GET, and a POST the contract marks idempotent ({@code x-idempotent}, such as a group membership
 * change or an upsert of contacts that all have an email), is retried on network failures, 429,
 * 502, 503, 504 and (once) 500; any other POST only when the connection never opened, when it was
 * provably never written, or on a 429, because HappyFox has no idempotency key and a replayed POST
 * could create twice. Between attempts the client sleeps {@code random × min(maxDelay, baseDelay × 2^(attempt-1))},
 * or exactly the server's {@code Retry-After}; a {@code Retry-After} longer than
 * {@link #maxRetryAfterWait()} is not slept but thrown as {@link RateLimitedException} (or as the
 * {@link ServerException} that carried it).
 *
 * <p>Example:
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.defaults()
 *     .withMaxAttempts(5)
 *     .withMaxTotalTime(Duration.ofMinutes(15))
 *     .withMaxRetryAfterWait(Duration.ofMinutes(11)); // wait out HappyFox's 10-minute block
 * }</pre>
 *
 * <p>Each {@code withX} method checks its argument's range at once and throws
 * {@link IllegalArgumentException} naming it; {@link HappyFoxClient.Builder#build()} also checks
 * that {@code baseDelay <= maxDelay}.
 *
 * <p>Thread safety: immutable; "changes" return a copy.
 */
public final class RetryPolicy {
  static final int MAX_ATTEMPTS_LIMIT = 10;
  static final Duration MAX_DELAY_LIMIT = Duration.ofHours(1);
  static final Duration MAX_TOTAL_TIME_LIMIT = Duration.ofHours(24);
  static final Duration MAX_RETRY_AFTER_LIMIT = Duration.ofHours(1);

  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(
          3, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(2),
          Duration.ofSeconds(30));

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxTotalTime;
  private final Duration maxRetryAfterWait;

  private RetryPolicy(
      int maxAttempts,
      Duration baseDelay,
      Duration maxDelay,
      Duration maxTotalTime,
      Duration maxRetryAfterWait) {
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.maxTotalTime = maxTotalTime;
    this.maxRetryAfterWait = maxRetryAfterWait;
  }

  /**
   * Returns the default policy: 3 attempts, 500 ms base delay, 10 s maximum delay, 2 minutes in
   * total, and at most 30 s of {@code Retry-After} (so HappyFox's 10-minute 429 block is reported at
   * once rather than slept).
   *
   * <p>Example: {@code RetryPolicy.defaults().maxAttempts()} returns {@code 3}.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy that never retries: one attempt, the default deadline.
   *
   * <p>Example: {@code builder.retryPolicy(RetryPolicy.none())}.
   *
   * @return a one-attempt policy
   */
  public static RetryPolicy none() {
    return DEFAULTS.withMaxAttempts(1);
  }

  /**
   * Returns a copy with another number of attempts (first try included).
   *
   * <p>Example: {@code withMaxAttempts(1)} disables retries.
   *
   * @param maxAttempts 1 to 10
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public RetryPolicy withMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new IllegalArgumentException(
          "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + " but was " + maxAttempts);
    }
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxTotalTime, maxRetryAfterWait);
  }

  /**
   * Returns a copy with another backoff base: the cap of the first retry's random wait.
   *
   * <p>Example: {@code withBaseDelay(Duration.ofMillis(200))}.
   *
   * @param baseDelay positive, at most one hour
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public RetryPolicy withBaseDelay(Duration baseDelay) {
    checkRange("baseDelay", baseDelay, false, MAX_DELAY_LIMIT);
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxTotalTime, maxRetryAfterWait);
  }

  /**
   * Returns a copy with another cap on one backoff wait.
   *
   * <p>Example: {@code withMaxDelay(Duration.ofSeconds(30))}.
   *
   * @param maxDelay positive, at most one hour
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public RetryPolicy withMaxDelay(Duration maxDelay) {
    checkRange("maxDelay", maxDelay, false, MAX_DELAY_LIMIT);
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxTotalTime, maxRetryAfterWait);
  }

  /**
   * Returns a copy with another overall deadline for one logical operation, all attempts and waits
   * included. A wait that would end after the deadline is not started: the last failure is thrown.
   *
   * <p>Example: {@code withMaxTotalTime(Duration.ofSeconds(20))}.
   *
   * @param maxTotalTime positive, at most 24 hours
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public RetryPolicy withMaxTotalTime(Duration maxTotalTime) {
    checkRange("maxTotalTime", maxTotalTime, false, MAX_TOTAL_TIME_LIMIT);
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxTotalTime, maxRetryAfterWait);
  }

  /**
   * Returns a copy with another cap on a server-requested wait ({@code Retry-After}, or the
   * 10-minute block HappyFox applies after a 429 that names none). Longer waits are thrown, not
   * slept.
   *
   * <p>Example: {@code withMaxRetryAfterWait(Duration.ZERO)} never sleeps on a {@code Retry-After}.
   *
   * @param maxRetryAfterWait zero or positive, at most one hour
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public RetryPolicy withMaxRetryAfterWait(Duration maxRetryAfterWait) {
    checkRange("maxRetryAfterWait", maxRetryAfterWait, true, MAX_RETRY_AFTER_LIMIT);
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxTotalTime, maxRetryAfterWait);
  }

  /**
   * Returns the number of attempts, first try included.
   *
   * <p>Example: {@code 3} for {@link #defaults()}.
   *
   * @return 1 to 10
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the backoff base.
   *
   * <p>Example: {@code PT0.5S} for {@link #defaults()}.
   *
   * @return a positive duration
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * Returns the cap on one backoff wait.
   *
   * <p>Example: {@code PT10S} for {@link #defaults()}.
   *
   * @return a positive duration
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Returns the overall deadline of one logical operation.
   *
   * <p>Example: {@code PT2M} for {@link #defaults()}.
   *
   * @return a positive duration
   */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /**
   * Returns the longest server-requested wait the client sleeps.
   *
   * <p>Example: {@code PT30S} for {@link #defaults()}.
   *
   * @return zero or a positive duration
   */
  public Duration maxRetryAfterWait() {
    return maxRetryAfterWait;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy that = (RetryPolicy) other;
    return maxAttempts == that.maxAttempts
        && baseDelay.equals(that.baseDelay)
        && maxDelay.equals(that.maxDelay)
        && maxTotalTime.equals(that.maxTotalTime)
        && maxRetryAfterWait.equals(that.maxRetryAfterWait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseDelay, maxDelay, maxTotalTime, maxRetryAfterWait);
  }

  /**
   * Returns a description of every setting.
   *
   * <p>Example: {@code RetryPolicy{maxAttempts=3, baseDelay=PT0.5S, ...}}.
   */
  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts
        + ", baseDelay=" + baseDelay
        + ", maxDelay=" + maxDelay
        + ", maxTotalTime=" + maxTotalTime
        + ", maxRetryAfterWait=" + maxRetryAfterWait
        + '}';
  }

  static void checkRange(String name, Duration value, boolean zeroAllowed, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(
          name + " must be " + (zeroAllowed ? "zero or positive" : "positive") + " but was " + value);
    }
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + max + " but was " + value);
    }
  }
}
