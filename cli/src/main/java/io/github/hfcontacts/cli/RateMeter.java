package io.github.hfcontacts.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Counts the requests of one phase and gives their rate per minute of the account's time, and how
 * close that came to the fastest pace the rate budget allows.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class RateMeter {
  private final LongSupplier nanos;
  private final long startNanos;
  private final double timeScale;
  private long requests;

  RateMeter(double timeScale) {
    this(timeScale, System::nanoTime);
  }

  RateMeter(double timeScale, LongSupplier nanos) {
    this.timeScale = timeScale;
    this.nanos = nanos;
    this.startNanos = nanos.getAsLong();
  }

  /** Counts one request. */
  synchronized void count() {
    requests++;
  }

  synchronized long requests() {
    return requests;
  }

  Duration elapsed() {
    return Duration.ofNanos(nanos.getAsLong() - startNanos);
  }

  /**
   * The requests, their rate, and how close the phase came to the fastest pace the budget
   * allows: with {@code limit} a minute counted over a rolling minute, {@code n} requests need at
   * least {@code ceil(n / limit) - 1} minutes (the first minute's worth may go at once, each
   * further minute's worth a minute later), so a phase that took no longer ran at the ceiling.
   *
   * <p>Example: {@code "2,001 GET requests, 487.3 a minute (98.4% of the pace the 500/min budget
   * allows)"}, or {@code "6 GET requests (within the first minute's budget of 500)"}.
   */
  synchronized String describe(String method, int ceiling) {
    String sent = Summary.plural(requests, method + " request", method + " requests");
    double minutes = scaledMinutes(nanos.getAsLong());
    if (requests <= ceiling || minutes <= 0) {
      return sent + " (within the first minute's budget of " + ceiling + ")";
    }
    long least = (requests + ceiling - 1) / ceiling - 1;
    return String.format(Locale.ROOT, "%s, %.1f a minute (%.1f%% of the pace the %d/min budget"
        + " allows)", sent, requests / minutes, Math.min(100, 100 * least / minutes), ceiling);
  }

  /** The rate alone, for a progress bar: {@code "496 GET/min"}. */
  synchronized String brief(String method) {
    double minutes = scaledMinutes(nanos.getAsLong());
    return String.format(Locale.ROOT, "%.0f %s/min", minutes <= 0 ? 0 : requests / minutes,
        method);
  }

  private double scaledMinutes(long nowNanos) {
    return (nowNanos - startNanos) / 60e9 * timeScale;
  }
}
