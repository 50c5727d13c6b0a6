package io.github.hfcontacts.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock and a ticker that move together, and only when told to. */
final class FakeClock extends Clock {
  static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
  /** An arbitrary ticker origin, near the top of the range to exercise wrap-safe arithmetic. */
  static final long TICKER_START = Long.MAX_VALUE - Duration.ofHours(1).toNanos();

  private final AtomicLong elapsedNanos = new AtomicLong();
  private final Ticker ticker = () -> TICKER_START + elapsedNanos.get();

  void advance(Duration duration) {
    elapsedNanos.addAndGet(duration.toNanos());
  }

  /** The monotonic view of this clock's time. */
  Ticker ticker() {
    return ticker;
  }

  /** Time elapsed since the start. */
  Duration elapsed() {
    return Duration.ofNanos(elapsedNanos.get());
  }

  @Override
  public Instant instant() {
    return START.plusNanos(elapsedNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
