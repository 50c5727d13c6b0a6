package io.github.hfcontacts.client;

/**
 * The client-side request budget that one {@link HappyFoxClient} shares between all its calls and
 * threads: at most N GET requests and M other (POST) requests in any 60-second window.
 *
 * <p>HappyFox allows 500 GET and 300 POST requests per minute per account and, after a 429, blocks
 * the account for 10 minutes; staying under the limit on the client side is much cheaper than
 * hitting it. Per-API-key limits can be lower, and several processes may share one account: give
 * each a share. Every attempt, retries included, spends one request.
 *
 * <p>Example: {@code builder.rateLimits(RateLimits.of(250, 150))} for one of two processes sharing an
 * account; {@code RateLimits.unlimited()} for tests against a local mock.
 *
 * <p>Thread safety: immutable.
 */
public final class RateLimits {
  static final int MAX_PER_MINUTE = 10_000;

  private static final RateLimits DEFAULTS = new RateLimits(500, 300);
  private static final RateLimits UNLIMITED = new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

  private final int getsPerMinute;
  private final int postsPerMinute;

  private RateLimits(int getsPerMinute, int postsPerMinute) {
    this.getsPerMinute = getsPerMinute;
    this.postsPerMinute = postsPerMinute;
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
    return new RateLimits(getsPerMinute, postsPerMinute);
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
    return getsPerMinute == that.getsPerMinute && postsPerMinute == that.postsPerMinute;
  }

  @Override
  public int hashCode() {
    return 31 * getsPerMinute + postsPerMinute;
  }

  /**
   * Returns a description.
   *
   * <p>Example: {@code RateLimits{GET=500/min, POST=300/min}} or {@code RateLimits{unlimited}}.
   */
  @Override
  public String toString() {
    return isUnlimited()
        ? "RateLimits{unlimited}"
        : "RateLimits{GET=" + getsPerMinute + "/min, POST=" + postsPerMinute + "/min}";
  }

  private static void check(String name, int value) {
    if (value < 1 || value > MAX_PER_MINUTE) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_PER_MINUTE + " but was " + value);
    }
  }
}
