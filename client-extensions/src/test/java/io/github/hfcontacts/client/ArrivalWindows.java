package io.github.hfcontacts.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The server's view, worst case: each request may arrive at any instant of its interval (from
 * the moment it may first reach the server to the moment its answer was seen), and HappyFox
 * counts arrivals in every closed window [t, t + window]. A request can land in that window iff
 * its interval meets it, that is iff t lies in [start - window, end]; the worst count over all t is
 * the largest number of those shifted intervals that overlap, found with one sweep.
 */
final class ArrivalWindows {
  private final long windowNanos;
  private final List<long[]> intervals = new ArrayList<>();

  ArrivalWindows(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /** Records one request that may have arrived at any instant of [start, end] (nanoseconds). */
  void add(long start, long end) {
    intervals.add(new long[] {start, end});
  }

  int size() {
    return intervals.size();
  }

  /** The worst count, and the first window start at which a count over {@code limit} occurs. */
  Result check(int limit) {
    long[][] events = new long[intervals.size() * 2][];
    int i = 0;
    for (long[] interval : intervals) {
      events[i++] = new long[] {interval[0] - windowNanos, +1};
      events[i++] = new long[] {interval[1], -1};
    }
    // Closed intervals: at equal times, openings come before closings.
    Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(b[1], a[1]));
    int count = 0;
    int worst = 0;
    long firstOver = Long.MIN_VALUE;
    for (long[] event : events) {
      count += (int) event[1];
      if (count > worst) {
        worst = count;
      }
      if (count > limit && firstOver == Long.MIN_VALUE) {
        firstOver = event[0];
      }
    }
    return new Result(worst, firstOver == Long.MIN_VALUE ? null : firstOver);
  }

  static final class Result {
    final int worst;
    /** The start of the first window holding more than the limit, or null. */
    final Long firstWindowOverLimit;

    Result(int worst, Long firstWindowOverLimit) {
      this.worst = worst;
      this.firstWindowOverLimit = firstWindowOverLimit;
    }
  }
}
