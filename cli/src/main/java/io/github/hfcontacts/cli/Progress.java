package io.github.hfcontacts.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal (stderr), or nothing when no one watches. Its ETA comes from the
 * rate budget, not from the speed so far: the remaining requests divided by the per-minute
 * ceiling, or by the measured rate when that is slower (a slow server or network).
 */
abstract class Progress implements AutoCloseable {
  /** Advances by {@code n} items. */
  abstract void step(long n);

  /** Sets the total, once known. */
  abstract void total(long total);

  /** The text after the bar: pages, requests per minute. */
  abstract void message(String message);

  @Override
  public abstract void close();

  static Progress none() {
    return new Progress() {
      @Override
      void step(long n) {}

      @Override
      void total(long total) {}

      @Override
      void message(String message) {}

      @Override
      public void close() {}
    };
  }

  /**
   * A bar on {@code out}.
   *
   * @param task the label ("Exporting")
   * @param unit what is counted ("contacts")
   * @param remainingRequests how many requests are still to be sent
   * @param requestsPerMinute the ceiling, in wall-clock requests per minute
   * @param sentRequests how many requests were sent so far (for the measured rate)
   */
  static Progress bar(PrintStream out, String task, String unit, long total,
      LongSupplier remainingRequests, double requestsPerMinute, LongSupplier sentRequests) {
    long started = System.nanoTime();
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setUnit(" " + unit, 1)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
        .setUpdateIntervalMillis(200)
        .showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .setEtaFunction(state -> Optional.of(
            eta(remainingRequests.getAsLong(), requestsPerMinute, sentRequests.getAsLong(),
                Duration.ofNanos(System.nanoTime() - started))));
    ProgressBar bar = builder.build();
    return new Progress() {
      @Override
      void step(long n) {
        bar.stepBy(n);
      }

      @Override
      void total(long total) {
        bar.maxHint(total);
      }

      @Override
      void message(String message) {
        bar.setExtraMessage(" · " + message);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /**
   * The time the remaining requests take at the ceiling, or at the measured rate when slower.
   *
   * <p>Example: 1,500 requests left at 500 a minute take 3 minutes.
   */
  static Duration eta(long remaining, double ceilingPerMinute, long sent, Duration elapsed) {
    if (remaining <= 0) {
      return Duration.ZERO;
    }
    double minutes = remaining / ceilingPerMinute;
    double elapsedMinutes = elapsed.toNanos() / 60e9;
    if (sent >= 20 && elapsedMinutes > 0) {
      double measured = sent / elapsedMinutes;
      if (measured < ceilingPerMinute) {
        minutes = Math.max(minutes, remaining / measured);
      }
    }
    return Duration.ofMillis((long) Math.ceil(minutes * 60_000));
  }
}
