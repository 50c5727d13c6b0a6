package io.github.hfcontacts.cli;

import java.time.Duration;
import java.util.Locale;

/** Formatting of counts, durations and rates for summaries and progress messages. */
final class Summary {
  private Summary() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  /**
   * Requests per minute of the account's time (scaled back when the sandbox runs faster), and the
   * share of the ceiling that is.
   *
   * <p>Example: {@code "498.2 GET/min (99.6% of 500)"}.
   */
  static String rate(long requests, Duration wall, double timeScale, int ceiling, String method) {
    if (requests == 0 || wall.isZero()) {
      return "0 " + method + "/min";
    }
    double minutes = wall.toNanos() / 60e9 * timeScale;
    double perMinute = requests / minutes;
    return String.format(Locale.ROOT, "%.1f %s/min (%.1f%% of %d)", perMinute, method,
        100.0 * perMinute / ceiling, ceiling);
  }

  static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }
}
