package io.github.hfcontacts.client;

import java.time.Duration;

/** {@link RateBudget#unlimited()}: grants everything, keeps nothing. */
enum UnlimitedRateBudget implements RateBudget {
  INSTANCE;

  private static final Permit NOTHING_TO_RELEASE = () -> {};
  private static final Acquisition GRANTED = Acquisition.granted(NOTHING_TO_RELEASE);

  @Override
  public Acquisition tryAcquire(Kind kind) {
    return GRANTED;
  }

  @Override
  public void pause(Duration duration) {}

  @Override
  public Duration estimatedWait(Kind kind, long requests) {
    return Duration.ZERO;
  }

  @Override
  public String toString() {
    return "RateBudget.unlimited()";
  }
}
