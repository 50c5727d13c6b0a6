package io.github.hfcontacts.ratelimit.bucket4j;

import java.time.Duration;
import java.util.List;

/** The server's worst case over closed windows of arrival times. */
final class Windows {
  private Windows() {}

  /**
   * The most requests that can land in one closed window, each request {start, end} arriving
   * anywhere in between (start = end for an observed arrival). A window holding a set of requests
   * can slide right until its start meets the earliest end among them, so it is enough to try the
   * windows that start at an end.
   */
  static int worst(List<long[]> requests, Duration window) {
    long length = window.toNanos();
    int worst = 0;
    for (long[] anchor : requests) {
      long start = anchor[1];
      int count = 0;
      for (long[] request : requests) {
        if (request[0] <= start + length && request[1] >= start) {
          count++;
        }
      }
      worst = Math.max(worst, count);
    }
    return worst;
  }
}
