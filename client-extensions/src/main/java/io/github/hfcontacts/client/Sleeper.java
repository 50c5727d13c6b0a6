package io.github.hfcontacts.client;

import java.time.Duration;

/**
 * Waits for a duration: how the client pauses between retries and for the rate budget. The default
 * uses {@link Thread#sleep(long, int)}; tests inject a fake that records the duration and advances a
 * fake {@link Ticker} (and {@link java.time.Clock}), so that retry tests take milliseconds.
 *
 * <p>Example:
 * <pre>{@code
 * List<Duration> slept = new ArrayList<>();
 * Sleeper recording = duration -> slept.add(duration);
 * HappyFoxClient.builder().sleeper(recording);
 * }</pre>
 *
 * <p>Thread safety: implementations must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Blocks the calling thread for {@code duration}.
   *
   * <p>Example: {@code sleeper.sleep(Duration.ofMillis(250))} returns after about 250 ms.
   *
   * @param duration how long to wait, zero or positive
   * @throws InterruptedException if the thread is interrupted while waiting; the client then stops
   *     the operation and keeps the thread's interrupt flag set
   */
  void sleep(Duration duration) throws InterruptedException;
}
