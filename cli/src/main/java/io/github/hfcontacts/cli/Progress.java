package io.github.hfcontacts.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
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

  /** The text after the bar: pages, requests per minute. */
  abstract void message(String message);

  @Override
  public abstract void close();

  static Progress none() {
    return new Progress() {
      @Override
      void step(long n) {}

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
    Budget budget = new Budget(requestsPerMinute);
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setUnit(" " + unit, 1)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
        .setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .setEtaFunction(state -> Optional.of(
            budget.eta(remainingRequests.getAsLong(), sentRequests.getAsLong(),
                System.nanoTime())));
    ProgressBar bar = builder.build();
    return new Progress() {
      @Override
      void step(long n) {
        bar.stepBy(n);
      }

      @Override
      void message(String message) {
        bar.setExtraMessage("· " + message);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /**
   * The ETA of the remaining requests under a rolling-minute budget: what the current minute
   * still allows goes at the measured pace, the rest at the ceiling. Fed with samples of the
   * requests sent so far (each bar refresh), so it knows how many went in the last minute.
   *
   * <p>Example: with 500 a minute, 121 sent in the last minute and 279 left, all 279 fit in this
   * minute's budget, so the ETA is 279 at the measured pace; with 1,500 left it is about
   * (1,500 - 379) / 500 minutes.
   */
  static final class Budget {
    private final double perMinute;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private final long started = System.nanoTime();

    Budget(double perMinute) {
      this.perMinute = perMinute;
    }

    private long[] second() {
      java.util.Iterator<long[]> iterator = samples.iterator();
      iterator.next();
      return iterator.next();
    }

    synchronized Duration eta(long remaining, long sent, long nowNanos) {
      samples.addLast(new long[] {nowNanos, sent});
      long windowStart = nowNanos - 60_000_000_000L;
      // Keep one sample at or before the window's start: the count then is the baseline.
      while (samples.size() > 1 && second()[0] <= windowStart) {
        samples.pollFirst();
      }
      long[] oldest = samples.peekFirst();
      long inWindow = oldest[0] <= windowStart ? sent - oldest[1] : sent;
      double elapsedMinutes = (nowNanos - started) / 60e9;
      double measured = sent >= 5 && elapsedMinutes > 0 ? sent / elapsedMinutes : 0;
      return Progress.eta(remaining, perMinute, inWindow, measured);
    }
  }

  /**
   * The time {@code remaining} requests take: those the rolling minute still has room for
   * ({@code ceilingPerMinute - sentInLastMinute}) go at the measured rate, the rest at the
   * ceiling; never faster than the measured rate allows.
   *
   * <p>Example: 1,500 requests left at 500 a minute, with the last minute's budget spent, take
   * 3 minutes.
   */
  static Duration eta(long remaining, double ceilingPerMinute, long sentInLastMinute,
      double measuredPerMinute) {
    if (remaining <= 0) {
      return Duration.ZERO;
    }
    double room = Math.max(0, ceilingPerMinute - sentInLastMinute);
    double minutes = Math.max(0, remaining - room) / ceilingPerMinute;
    if (measuredPerMinute > 0) {
      minutes = Math.max(minutes, remaining / measuredPerMinute);
    }
    return Duration.ofMillis((long) Math.ceil(minutes * 60_000));
  }
}
