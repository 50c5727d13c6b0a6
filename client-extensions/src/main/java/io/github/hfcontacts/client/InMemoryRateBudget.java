package io.github.hfcontacts.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link RateBudget#inMemory(RateLimits)}: per kind, N slots, each either in flight (from its grant
 * until its permit is closed) or cooling down (until window + margin after the close). A request
 * is granted only while fewer than N slots are taken.
 *
 * <p>Why this proves the invariant: a request can arrive in a closed window [t, t + W] only if it
 * was granted at or before t + W and completed at or after t. Take the latest grant among such
 * requests: at that instant every one of them was granted and none had finished cooling down
 * (each cools down until at least t + W + margin, after that instant). So all of them held a slot
 * at one instant, and there are at most N.
 *
 * <p>Why not a token bucket, as before: a bucket that starts full admits its capacity plus a
 * window of refill inside one window, and a log of grant times (the previous limiter) lets a slow
 * first request and a fast 501st land inside one server-side minute. Counting from the close of
 * the permit costs only the latency: a sequential client sustains N per (W + margin + latency).
 *
 * <p>Time is read from the ticker only, under the lock, with wrap-safe differences.
 *
 * <p>Thread safety: every operation is serialised on this object; permits may be closed from any
 * thread.
 */
final class InMemoryRateBudget implements RateBudget {
  private final RateLimits limits;
  private final Ticker ticker;
  private final long holdNanos;
  private final Lane gets;
  private final Lane posts;
  private boolean paused;
  private long pausedUntil;
  private long lastRead;
  private boolean read;

  /**
   * Creates a budget.
   *
   * @param limits the limits, not unlimited
   * @param window the counting window: a minute, shorter only in tests of scaled-down limits
   * @param ticker the time source
   */
  InMemoryRateBudget(RateLimits limits, Duration window, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
    this.holdNanos = window.plus(limits.safetyMargin()).toNanos();
    this.gets = new Lane(limits.getsPerMinute());
    this.posts = new Lane(limits.postsPerMinute());
  }

  RateLimits limits() {
    return limits;
  }

  @Override
  public synchronized Acquisition tryAcquire(Kind kind) {
    long now = now();
    if (paused && pausedUntil - now > 0) {
      return Acquisition.paused(Duration.ofNanos(pausedUntil - now));
    }
    Lane lane = lane(kind);
    lane.expire(now);
    if (lane.taken() < lane.capacity) {
      lane.inFlight++;
      return Acquisition.granted(new SlotPermit(lane));
    }
    // A cooling slot frees at its expiry; an in-flight one no sooner than a full hold from now.
    long wait = lane.cooling > 0 ? lane.expiry(0) - now : holdNanos;
    return Acquisition.denied(Duration.ofNanos(Math.max(1, wait)));
  }

  @Override
  public synchronized void pause(Duration duration) {
    long now = now();
    long until = now + saturatedNanos(duration);
    if (!paused || until - pausedUntil > 0) {
      pausedUntil = until;
      paused = true;
    }
  }

  @Override
  public synchronized Duration estimatedWait(Kind kind, long requests) {
    if (requests <= 0) {
      return Duration.ZERO;
    }
    long now = now();
    Lane lane = lane(kind);
    lane.expire(now);
    // The n-th grant reuses slot (n - 1) % N of the slots sorted by when they free, cycle
    // (n - 1) / N times, a full hold each time, starting no sooner than the end of a pause.
    long index = (requests - 1) % lane.capacity;
    long cycles = (requests - 1) / lane.capacity;
    int free = lane.capacity - lane.taken();
    long first;
    if (index < free) {
      first = now;
    } else if (index < free + lane.cooling) {
      first = lane.expiry((int) (index - free));
    } else {
      first = now + holdNanos;
    }
    if (paused && pausedUntil - first > 0) {
      first = pausedUntil;
    }
    double nanos = (double) (first - now) + (double) cycles * holdNanos;
    return nanos >= Long.MAX_VALUE ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos((long) nanos);
  }

  /** Whether this budget holds nothing: no slot taken and no pause in force. */
  synchronized boolean isIdle() {
    long now = now();
    gets.expire(now);
    posts.expire(now);
    return gets.taken() == 0 && posts.taken() == 0 && !(paused && pausedUntil - now > 0);
  }

  private synchronized void release(Lane lane) {
    lane.inFlight--;
    lane.cool(now() + holdNanos);
  }

  private Lane lane(Kind kind) {
    return kind == Kind.GET ? gets : posts;
  }

  /** The ticker, made non-decreasing so that expiries are appended in order. */
  private long now() {
    long reading = ticker.read();
    if (read && reading - lastRead < 0) {
      return lastRead;
    }
    read = true;
    lastRead = reading;
    return reading;
  }

  private static long saturatedNanos(Duration duration) {
    return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE / 4)) > 0
        ? Long.MAX_VALUE / 4
        : Math.max(0, duration.toNanos());
  }

  @Override
  public String toString() {
    return "RateBudget.inMemory(" + limits + ")";
  }

  /** One kind's slots: in flight, plus a ring of cooling-down expiries in increasing order. */
  private static final class Lane {
    final int capacity;
    final long[] expiries;
    int head;
    int cooling;
    int inFlight;

    Lane(int capacity) {
      this.capacity = capacity;
      this.expiries = new long[capacity];
    }

    int taken() {
      return inFlight + cooling;
    }

    long expiry(int i) {
      return expiries[(head + i) % capacity];
    }

    void expire(long now) {
      while (cooling > 0 && now - expiries[head] >= 0) {
        head = (head + 1) % capacity;
        cooling--;
      }
    }

    void cool(long expiry) {
      expiries[(head + cooling) % capacity] = expiry;
      cooling++;
    }
  }

  private final class SlotPermit implements Permit {
    private final Lane lane;
    private final AtomicBoolean closed = new AtomicBoolean();

    SlotPermit(Lane lane) {
      this.lane = lane;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release(lane);
      }
    }
  }
}
