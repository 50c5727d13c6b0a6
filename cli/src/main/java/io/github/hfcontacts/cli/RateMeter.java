package io.github.hfcontacts.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Counts the requests of one phase and gives their rate per minute of the account's time, overall
 * and after the first minute. The first minute may spend its whole budget at once, so the rate
 * after it is the one that shows how close a long run stays to the ceiling.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class RateMeter {
  private final LongSupplier nanos;
  private final long startNanos;
  private final double timeScale;
  private long requests;
  private long firstMinute = -1;

  RateMeter(double timeScale) {
    this(timeScale, System::nanoTime);
  }

  RateMeter(double timeScale, LongSupplier nanos) {
    this.timeScale = timeScale;
    this.nanos = nanos;
    this.startNanos = nanos.getAsLong();
  }

  /** Counts one request, sent now. */
  synchronized void count() {
    if (firstMinute < 0 && scaledMinutes(nanos.getAsLong()) >= 1) {
      firstMinute = requests;
    }
    requests++;
  }

  synchronized long requests() {
    return requests;
  }

  Duration elapsed() {
    return Duration.ofNanos(nanos.getAsLong() - startNanos);
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

  /**
   * Example: {@code "2,001 GET requests, 492.6 a minute, 499.1 after the first (99.8% of the
   * 500/min budget)"}, or {@code "6 GET requests (within the first minute's budget of 500)"}.
   */
  synchronized String describe(String method, int ceiling) {
    String sent = Summary.plural(requests, method + " request", method + " requests");
    double minutes = scaledMinutes(nanos.getAsLong());
    if (requests == 0 || minutes < 1) {
      return sent + " (within the first minute's budget of " + ceiling + ")";
    }
    double overall = requests / minutes;
    if (firstMinute < 0 || minutes < 2) {
      return String.format(Locale.ROOT, "%s, %.1f a minute (%.1f%% of the %d/min budget)", sent,
          overall, 100 * overall / ceiling, ceiling);
    }
    double after = (requests - firstMinute) / (minutes - 1);
    return String.format(Locale.ROOT, "%s, %.1f a minute, %.1f after the first (%.1f%% of the"
        + " %d/min budget)", sent, overall, after, 100 * after / ceiling, ceiling);
  }
}
