package io.github.hfcontacts.sandbox;

import java.util.Arrays;

/**
 * HappyFox's rate limits: GET and POST requests counted at arrival in a rolling window; the one
 * over the limit starts a block during which every request is refused. Also measures the busiest
 * window seen, whether or not limits apply. Thread-safe (one lock; the work per request is tiny).
 */
final class RateLimiter {
  private final SandboxRateLimits limits;
  private final SimulatedTime time;
  private final long windowNanos;
  private final long blockNanos;
  private final Arrivals gets = new Arrivals();
  private final Arrivals posts = new Arrivals();
  private long blockedUntil;
  private int peakGets;
  private int peakPosts;
  private long blocks;

  RateLimiter(SandboxRateLimits limits, SimulatedTime time) {
    this.limits = limits;
    this.time = time;
    this.windowNanos = limits.window().toNanos();
    this.blockNanos = limits.block().toNanos();
  }

  /**
   * Counts one arriving request.
   *
   * @param get whether it is a GET (else a POST)
   * @return 0 when admitted, else the simulated nanoseconds until the block ends
   */
  synchronized long admit(boolean get) {
    long now = time.nanos();
    if (now < blockedUntil) {
      return blockedUntil - now;
    }
    Arrivals arrivals = get ? gets : posts;
    arrivals.dropUpTo(now - windowNanos);
    int limit = get ? limits.getsPerWindow() : limits.postsPerWindow();
    if (arrivals.size() >= limit) {
      blockedUntil = now + blockNanos;
      blocks++;
      return blockNanos;
    }
    arrivals.add(now);
    if (get) {
      peakGets = Math.max(peakGets, arrivals.size());
    } else {
      peakPosts = Math.max(peakPosts, arrivals.size());
    }
    return 0;
  }

  synchronized Snapshot snapshot() {
    long now = time.nanos();
    gets.dropUpTo(now - windowNanos);
    posts.dropUpTo(now - windowNanos);
    long remaining = now < blockedUntil ? blockedUntil - now : 0;
    return new Snapshot(remaining, gets.size(), posts.size(), peakGets, peakPosts, blocks);
  }

  synchronized void reset() {
    gets.clear();
    posts.clear();
    blockedUntil = 0;
    peakGets = 0;
    peakPosts = 0;
    blocks = 0;
  }

  /** The limiter's state at one moment; {@code blockRemaining} in simulated nanoseconds. */
  static final class Snapshot {
    final long blockRemaining;
    final int getsInWindow;
    final int postsInWindow;
    final int peakGets;
    final int peakPosts;
    final long blocks;

    Snapshot(long blockRemaining, int getsInWindow, int postsInWindow, int peakGets, int peakPosts,
        long blocks) {
      this.blockRemaining = blockRemaining;
      this.getsInWindow = getsInWindow;
      this.postsInWindow = postsInWindow;
      this.peakGets = peakGets;
      this.peakPosts = peakPosts;
      this.blocks = blocks;
    }
  }

  /** Arrival times in increasing order: a growable ring of longs (no boxing). */
  private static final class Arrivals {
    private long[] times = new long[64];
    private int head;
    private int size;

    int size() {
      return size;
    }

    void add(long time) {
      if (size == times.length) {
        long[] bigger = new long[times.length * 2];
        for (int i = 0; i < size; i++) {
          bigger[i] = times[(head + i) % times.length];
        }
        times = bigger;
        head = 0;
      }
      times[(head + size) % times.length] = time;
      size++;
    }

    /** Forgets arrivals at or before {@code limit} (they left the rolling window). */
    void dropUpTo(long limit) {
      while (size > 0 && times[head] <= limit) {
        head = (head + 1) % times.length;
        size--;
      }
    }

    void clear() {
      Arrays.fill(times, 0L);
      head = 0;
      size = 0;
    }
  }
}
