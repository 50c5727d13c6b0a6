package io.github.hfcontacts.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers of a {@link RateBudget}: at most N GET requests and M other (POST) requests in any
 * 60-second window of arrival times at HappyFox, each request counted until a minute plus a
 * {@linkplain #safetyMargin() safety margin} after its response.
 *
 * <p>HappyFox allows 500 GET and 300 POST requests per minute per account and, after a 429, blocks
 * the account for 10 minutes; staying under the limit on the client side is much cheaper than
 * hitting it. Per-API-key limits can be lower. Every attempt, retries included, spends one request.
 * Clients built for the same account in one JVM share one budget (see
 * {@link HappyFoxClient.Builder#rateBudget(RateBudget)}); processes share one through the
 * {@code happyfox-contacts-ratelimit-bucket4j} module, or by giving each a share of the limits.
 *
 * <p>Example: {@code builder.rateLimits(RateLimits.of(250, 150))} for one of two processes sharing an
 * account without a shared store; {@code RateLimits.unlimited()} for tests against a local mock.
 *
 * <p>Thread safety: immutable.
 */
public final class RateLimits {
  static final int MAX_PER_MINUTE = 10_000;
  /** HappyFox counts requests per minute. */
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofSeconds(1);
  static final Duration MAX_SAFETY_MARGIN = Duration.ofMinutes(1);

  private static final RateLimits DEFAULTS = new RateLimits(500, 300, DEFAULT_SAFETY_MARGIN);
  private static final RateLimits UNLIMITED =
      new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO);

  private final int getsPerMinute;
  private final int postsPerMinute;
  private final Duration safetyMargin;

  private RateLimits(int getsPerMinute, int postsPerMinute, Duration safetyMargin) {
    this.getsPerMinute = getsPerMinute;
    this.postsPerMinute = postsPerMinute;
    this.safetyMargin = safetyMargin;
  }

  /**
   * Returns limits of {@code getsPerMinute} GET and {@code postsPerMinute} POST requests per minute.
   *
   * <p>Example: {@code RateLimits.of(500, 300)} equals {@link #defaults()}.
   *
   * @param getsPerMinute 1 to 10,000
   * @param postsPerMinute 1 to 10,000; also applies to any method other than GET and HEAD
   * @return the limits
   * @throws IllegalArgumentException naming the argument if out of range
   */
  public static RateLimits of(int getsPerMinute, int postsPerMinute) {
    check("getsPerMinute", getsPerMinute);
    check("postsPerMinute", postsPerMinute);
    return new RateLimits(getsPerMinute, postsPerMinute, DEFAULT_SAFETY_MARGIN);
  }

  /**
   * Returns HappyFox's documented account limits: 500 GET and 300 POST requests per minute.
   *
   * <p>Example: {@code RateLimits.defaults().getsPerMinute()} returns {@code 500}.
   *
   * @return the default limits
   */
  public static RateLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns no limits at all; meant for tests against a local mock server.
   *
   * <p>Example: {@code builder.rateLimits(RateLimits.unlimited())}.
   *
   * @return unlimited limits
   */
  public static RateLimits unlimited() {
    return UNLIMITED;
  }

  /**
   * Returns a copy with another safety margin: how long past a minute after its response a request
   * stays counted. The margin absorbs what the client cannot see: HappyFox counting a request a
   * little after the client saw the answer, counting in whole seconds, or, for a budget shared
   * between machines, the skew between their clocks. Each slot is held for
   * {@code 60 s + margin + latency}, so a larger margin costs throughput: 1 s (the default) keeps
   * 98.4 % of the limit, 5 s keeps 92.3 %.
   *
   * <p>Example: {@code RateLimits.defaults().withSafetyMargin(Duration.ofSeconds(3))} for machines
   * whose clocks may differ by up to 2 s.
   *
   * @param safetyMargin positive, at most one minute
   * @return limits with that margin
   * @throws IllegalArgumentException naming the argument if out of range
   * @throws IllegalStateException if these limits are {@link #unlimited()}
   */
  public RateLimits withSafetyMargin(Duration safetyMargin) {
    Objects.requireNonNull(safetyMargin, "safetyMargin");
    if (isUnlimited()) {
      throw new IllegalStateException("unlimited RateLimits have no safety margin");
    }
    if (safetyMargin.isNegative() || safetyMargin.isZero()
        || safetyMargin.compareTo(MAX_SAFETY_MARGIN) > 0) {
      throw new IllegalArgumentException(
          "safetyMargin must be positive and at most " + MAX_SAFETY_MARGIN + " but was "
              + safetyMargin);
    }
    return new RateLimits(getsPerMinute, postsPerMinute, safetyMargin);
  }

  /**
   * Returns how long past a minute after its response a request stays counted.
   *
   * <p>Example: {@code Duration.ofSeconds(1)} for the defaults; {@link Duration#ZERO} when
   * unlimited.
   *
   * @return the margin
   */
  public Duration safetyMargin() {
    return safetyMargin;
  }

  /**
   * Returns the limit for a kind of request.
   *
   * <p>Example: {@code RateLimits.defaults().limit(RateBudget.Kind.POST)} returns {@code 300}.
   *
   * @param kind the kind
   * @return {@link #getsPerMinute()} or {@link #postsPerMinute()}
   */
  public int limit(RateBudget.Kind kind) {
    return kind == RateBudget.Kind.GET ? getsPerMinute : postsPerMinute;
  }

  /**
   * Returns whether these are {@link #unlimited()}.
   *
   * <p>Example: {@code RateLimits.defaults().isUnlimited()} returns {@code false}.
   *
   * @return true when no limit applies
   */
  public boolean isUnlimited() {
    return this == UNLIMITED;
  }

  /**
   * Returns the GET (and HEAD) budget per minute.
   *
   * <p>Example: {@code 500} for the defaults; {@link Integer#MAX_VALUE} when unlimited.
   *
   * @return the budget
   */
  public int getsPerMinute() {
    return getsPerMinute;
  }

  /**
   * Returns the POST (and any other method's) budget per minute.
   *
   * <p>Example: {@code 300} for the defaults; {@link Integer#MAX_VALUE} when unlimited.
   *
   * @return the budget
   */
  public int postsPerMinute() {
    return postsPerMinute;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RateLimits)) {
      return false;
    }
    RateLimits that = (RateLimits) other;
    return getsPerMinute == that.getsPerMinute && postsPerMinute == that.postsPerMinute
        && safetyMargin.equals(that.safetyMargin);
  }

  @Override
  public int hashCode() {
    return (31 * getsPerMinute + postsPerMinute) * 31 + safetyMargin.hashCode();
  }

  /**
   * Returns a description; the margin is shown when it is not the default.
   *
   * <p>Example: {@code RateLimits{GET=500/min, POST=300/min}},
   * {@code RateLimits{GET=500/min, POST=300/min, safetyMargin=PT3S}} or
   * {@code RateLimits{unlimited}}.
   */
  @Override
  public String toString() {
    if (isUnlimited()) {
      return "RateLimits{unlimited}";
    }
    return "RateLimits{GET=" + getsPerMinute + "/min, POST=" + postsPerMinute + "/min"
        + (safetyMargin.equals(DEFAULT_SAFETY_MARGIN) ? "" : ", safetyMargin=" + safetyMargin)
        + "}";
  }

  private static void check(String name, int value) {
    if (value < 1 || value > MAX_PER_MINUTE) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_PER_MINUTE + " but was " + value);
    }
  }
}
