package io.github.hfcontacts.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The rate limits a {@link HappyFoxSandbox} applies, as HappyFox does: at most {@code gets} GET and
 * {@code posts} POST requests in any rolling window, counted when they arrive; the request over
 * the limit is answered 429 with {@code Retry-After}, and the account then stays blocked (every
 * request answered 429) for the block length. Lengths are in simulated time, which runs
 * {@link HappyFoxSandbox.Builder#timeScale(double)} times faster than real time.
 *
 * <p>Example: {@code SandboxRateLimits.of(5, 3, Duration.ofMinutes(1), Duration.ofMinutes(10))}
 * answers the sixth GET of a minute with 429 and {@code Retry-After: 600}.
 *
 * <p>Thread safety: immutable.
 */
public final class SandboxRateLimits {
  private static final SandboxRateLimits HAPPYFOX =
      new SandboxRateLimits(500, 300, Duration.ofMinutes(1), Duration.ofMinutes(10));
  private static final SandboxRateLimits UNLIMITED =
      new SandboxRateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofMinutes(1),
          Duration.ofMinutes(10));

  private final int getsPerWindow;
  private final int postsPerWindow;
  private final Duration window;
  private final Duration block;

  private SandboxRateLimits(int getsPerWindow, int postsPerWindow, Duration window, Duration block) {
    this.getsPerWindow = getsPerWindow;
    this.postsPerWindow = postsPerWindow;
    this.window = window;
    this.block = block;
  }

  /**
   * HappyFox's limits: 500 GET and 300 POST requests per rolling minute, then a 10-minute block.
   *
   * <p>Example: {@code SandboxRateLimits.happyFox().getsPerWindow()} is {@code 500}.
   *
   * @return the default limits
   */
  public static SandboxRateLimits happyFox() {
    return HAPPYFOX;
  }

  /**
   * No limit: nothing is ever answered 429. The requests per rolling minute are still measured
   * ({@link SandboxStats#peakGetsPerWindow()}), so a test can assert what a client would have hit.
   *
   * <p>Example: {@code builder.rateLimits(SandboxRateLimits.unlimited())}.
   *
   * @return limits that never block
   */
  public static SandboxRateLimits unlimited() {
    return UNLIMITED;
  }

  /**
   * Custom limits.
   *
   * <p>Example: {@code of(5, 3, Duration.ofSeconds(60), Duration.ofSeconds(600))}.
   *
   * @param getsPerWindow GET requests allowed per window, at least 1
   * @param postsPerWindow POST requests allowed per window, at least 1
   * @param window the rolling window (simulated time), positive
   * @param block how long the account stays blocked after a 429 (simulated time), positive
   * @return the limits
   * @throws IllegalArgumentException naming the argument that is out of range
   */
  public static SandboxRateLimits of(
      int getsPerWindow, int postsPerWindow, Duration window, Duration block) {
    if (getsPerWindow < 1) {
      throw new IllegalArgumentException("getsPerWindow must be at least 1, was " + getsPerWindow);
    }
    if (postsPerWindow < 1) {
      throw new IllegalArgumentException("postsPerWindow must be at least 1, was " + postsPerWindow);
    }
    checkPositive("window", window);
    checkPositive("block", block);
    return new SandboxRateLimits(getsPerWindow, postsPerWindow, window, block);
  }

  private static void checkPositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /**
   * Returns whether these limits never answer 429.
   *
   * @return {@code true} for {@link #unlimited()}
   */
  public boolean isUnlimited() {
    return getsPerWindow == Integer.MAX_VALUE && postsPerWindow == Integer.MAX_VALUE;
  }

  /**
   * Returns the GET requests allowed per window.
   *
   * @return e.g. {@code 500}
   */
  public int getsPerWindow() {
    return getsPerWindow;
  }

  /**
   * Returns the POST requests allowed per window.
   *
   * @return e.g. {@code 300}
   */
  public int postsPerWindow() {
    return postsPerWindow;
  }

  /**
   * Returns the rolling window, in simulated time.
   *
   * @return e.g. one minute
   */
  public Duration window() {
    return window;
  }

  /**
   * Returns how long the account stays blocked after a 429, in simulated time.
   *
   * @return e.g. ten minutes
   */
  public Duration block() {
    return block;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SandboxRateLimits)) {
      return false;
    }
    SandboxRateLimits that = (SandboxRateLimits) other;
    return getsPerWindow == that.getsPerWindow && postsPerWindow == that.postsPerWindow
        && window.equals(that.window) && block.equals(that.block);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getsPerWindow, postsPerWindow, window, block);
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code SandboxRateLimits{500 GET / 300 POST per PT1M, block PT10M}}
   */
  @Override
  public String toString() {
    return isUnlimited()
        ? "SandboxRateLimits{unlimited}"
        : "SandboxRateLimits{" + getsPerWindow + " GET / " + postsPerWindow + " POST per " + window
            + ", block " + block + "}";
  }
}
