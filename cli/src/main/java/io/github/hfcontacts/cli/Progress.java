package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.RateBudget;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal (stderr), or nothing when no one watches. Its ETA comes from the
 * rate budget, not from the speed so far: what the budget says the remaining requests take, or
 * the measured pace when that is slower (a slow server or network).
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
   * @param total how many, if known
   * @param eta the time left, asked at each redraw
   */
  static Progress bar(PrintStream out, String task, String unit, long total,
      Supplier<Duration> eta) {
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setUnit(" " + unit, 1)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
        .setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .setEtaFunction(state -> Optional.of(eta.get()))
        .build();
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
   * The ETA of a bar: the remaining requests under the rate budget (the budget's own estimate,
   * which knows how much of the rolling minute is left), or at the pace measured so far when that
   * is slower (HappyFox, not the budget, sets the pace then).
   *
   * @param session the session whose budget is asked
   * @param kind GET or POST
   * @param remaining the requests still to send
   * @param sent the requests sent since the bar started
   */
  static Supplier<Duration> eta(Session session, RateBudget.Kind kind, LongSupplier remaining,
      LongSupplier sent) {
    long started = System.nanoTime();
    return () -> {
      long left = remaining.getAsLong();
      return eta(session.budgetWait(kind, left), left, sent.getAsLong(),
          Duration.ofNanos(System.nanoTime() - started));
    };
  }

  /**
   * The larger of the budget's wait and the time {@code remaining} requests take at the measured
   * pace ({@code sent} in {@code elapsed}; ignored before 5 requests).
   *
   * <p>Example: 1,500 requests left, a budget wait of 3 minutes, 100 sent in 10 s: 3 minutes;
   * with 100 sent in a minute instead: 15 minutes.
   */
  static Duration eta(Duration budgetWait, long remaining, long sent, Duration elapsed) {
    if (remaining <= 0) {
      return Duration.ZERO;
    }
    Duration measured = sent < 5 ? Duration.ZERO
        : Duration.ofNanos((long) ((double) elapsed.toNanos() * remaining / sent));
    return budgetWait.compareTo(measured) >= 0 ? budgetWait : measured;
  }
}
