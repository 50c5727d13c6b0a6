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
   * The requests sent and their rate per minute of the account's time (scaled back when the
   * sandbox runs faster), as a share of the budget. Within the first minute the whole minute's
   * budget may be spent at once, so no rate is given then.
   *
   * <p>Example: {@code "2,001 GET requests, 489.6 a minute (99.9% of the 490/min budget)"}.
   */
  static String rate(long requests, Duration wall, double timeScale, int ceiling, String method) {
    String sent = plural(requests, method + " request", method + " requests");
    double minutes = wall.toNanos() / 60e9 * timeScale;
    if (requests == 0 || minutes < 1) {
      return sent + " (within the first minute's budget of " + ceiling + ")";
    }
    double perMinute = requests / minutes;
    return String.format(Locale.ROOT, "%s, %.1f a minute (%.1f%% of the %d/min budget)", sent,
        perMinute, 100.0 * perMinute / ceiling, ceiling);
  }

  /** The rate alone, for a progress bar: {@code "489.6 GET/min"}. */
  static String shortRate(long requests, Duration wall, double timeScale, String method) {
    double minutes = wall.toNanos() / 60e9 * timeScale;
    if (requests == 0 || minutes <= 0) {
      return "0 " + method + "/min";
    }
    return String.format(Locale.ROOT, "%.0f %s/min", requests / minutes, method);
  }

  static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }
}
