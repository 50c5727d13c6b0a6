package io.github.hfcontacts.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait and advances the fake clock by it instead of sleeping. */
final class RecordingSleeper implements Sleeper {
  private final FakeClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Runnable onSleep = () -> {};

  RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  /** Runs {@code action} at every sleep, before the clock advances. */
  void onSleep(Runnable action) {
    this.onSleep = action;
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    onSleep.run();
    clock.advance(duration);
  }
}
