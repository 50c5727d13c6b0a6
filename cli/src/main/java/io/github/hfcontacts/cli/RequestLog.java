package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.RateBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The send times of the last minute's requests to one account, kept in a small file between runs.
 *
 * <p>Why: each run's client starts with an empty budget, but HappyFox's rolling minute does not:
 * an import started right after an export that ran at the ceiling would add a new minute's worth
 * of requests to the export's last minute, get a 429, and block the account for 10 minutes (the
 * scale test did exactly that). So every request is recorded (an OkHttp interceptor, at the moment
 * it is sent), the file is rewritten every second and at the end, and a new run's budget starts
 * with the earlier runs' requests of the last minute spent. Runs that share an account at the
 * same time must still split it with {@code --get-per-minute}/{@code --post-per-minute}.
 */
final class RequestLog implements Interceptor, AutoCloseable {
  /** More than a minute's worth of either kind is never kept. */
  private static final int MAX_KEPT = 2000;

  private final Path file;
  private final long windowMillis;
  /** Send times by kind; kept in the file as {@code G millis} and {@code P millis} lines. */
  private final Map<RateBudget.Kind, List<Long>> times = new EnumMap<>(RateBudget.Kind.class);
  private final ScheduledExecutorService saver;

  private RequestLog(Path file, long windowMillis) {
    this.file = file;
    this.windowMillis = windowMillis;
    for (RateBudget.Kind kind : RateBudget.Kind.values()) {
      times.put(kind, new ArrayList<>());
    }
    this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "happyfox-contacts-request-log");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Opens the log of one account.
   *
   * @param dir where the logs are kept
   * @param target the account's address ({@code acme.happyfox.com}, a base URL)
   * @param window HappyFox's minute in wall-clock time (shorter in a time-scaled sandbox)
   */
  static RequestLog open(Path dir, String target, Duration window) {
    Path file = dir.resolve("requests-" + target.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9.-]+", "_") + ".log");
    RequestLog log = new RequestLog(file, window.toMillis());
    log.load(System.currentTimeMillis());
    log.saver.scheduleWithFixedDelay(log::saveQuietly, 1, 1, TimeUnit.SECONDS);
    return log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    record(chain.request().method(), System.currentTimeMillis());
    return chain.proceed(chain.request());
  }

  synchronized void record(String method, long millis) {
    List<Long> kept = times.get(RateBudget.Kind.of(method));
    kept.add(millis);
    if (kept.size() > MAX_KEPT) {
      prune(kept, millis);
    }
  }

  /**
   * Takes one permit of {@code budget} for each request of an earlier run still in HappyFox's
   * rolling minute, and closes it at once: the budget then counts them for a minute from now (a
   * little longer than HappyFox does, which errs on the safe side) and this run sends only what
   * the minute has left, instead of a fresh minute's worth on top of them.
   *
   * @return the number of earlier requests spent
   */
  synchronized long spendEarlierRequests(RateBudget budget, long nowMillis) {
    long spent = 0;
    for (RateBudget.Kind kind : RateBudget.Kind.values()) {
      List<Long> kept = times.get(kind);
      prune(kept, nowMillis);
      for (int i = 0; i < kept.size(); i++) {
        RateBudget.Acquisition acquisition = budget.tryAcquire(kind);
        if (!acquisition.isGranted()) {
          break; // the whole minute is spent: the budget makes this run wait
        }
        acquisition.permit().close();
        spent++;
      }
    }
    return spent;
  }

  private void prune(List<Long> kept, long nowMillis) {
    kept.removeIf(time -> time <= nowMillis - windowMillis);
  }

  private synchronized void load(long nowMillis) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      return; // an unreadable log only costs the wait it would have computed
    }
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts.length != 2) {
        continue;
      }
      try {
        long time = Long.parseLong(parts[1]);
        if (time > nowMillis - windowMillis && time <= nowMillis) {
          times.get(parts[0].equals("G") ? RateBudget.Kind.GET : RateBudget.Kind.POST)
              .add(time);
        }
      } catch (NumberFormatException e) {
        // a damaged line: skip it
      }
    }
  }

  synchronized void save() throws IOException {
    long now = System.currentTimeMillis();
    StringBuilder text = new StringBuilder();
    for (Map.Entry<RateBudget.Kind, List<Long>> entry : times.entrySet()) {
      prune(entry.getValue(), now);
      char letter = entry.getKey() == RateBudget.Kind.GET ? 'G' : 'P';
      for (long time : entry.getValue()) {
        text.append(letter).append(' ').append(time).append('\n');
      }
    }
    Files.createDirectories(file.getParent());
    Checkpoint.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void saveQuietly() {
    try {
      save();
    } catch (IOException | RuntimeException e) {
      // A log that cannot be written only costs the next run its wait.
    }
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    saver.shutdownNow();
    saveQuietly();
  }
}
