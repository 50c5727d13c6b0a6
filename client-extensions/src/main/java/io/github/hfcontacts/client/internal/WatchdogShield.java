package io.github.hfcontacts.client.internal;

import java.util.concurrent.TimeUnit;
import okio.AsyncTimeout;

/**
 * A timeout that does nothing when it expires, entered around one HTTP attempt so that the
 * attempt wakes Okio's watchdog thread once instead of once per socket read and write. Not API.
 *
 * <p>Why: Okio enforces every I/O timeout (OkHttp's call timeout, and the read and write timeouts
 * of each socket operation) on one watchdog thread, and signals that thread whenever a timeout
 * starts that is due before every pending one. On a quiet queue that is every timeout: an HTTP/1
 * GET woke the watchdog about three times (the call, the request's write, the response's read) and
 * a 77 KB page about a dozen, each wake-up a futex call and a context switch, several microseconds
 * of CPU. A shield due no later than any timeout the attempt starts is the earliest pending one
 * for the whole attempt: the others queue behind it without a signal, and the attempt costs the
 * one wake-up of entering the shield.
 *
 * <p>It changes no timeout: every timeout the attempt starts still fires when it is due (one due
 * before the shield is queued ahead of it and signals as before), and a shield that expires during
 * a long attempt does nothing.
 *
 * <p>Usage: {@code try (WatchdogShield shield = WatchdogShield.open(nanos)) { call.execute(); }},
 * with {@code nanos} at most the call's timeout and the client's read and write timeouts.
 *
 * <p>Thread safety: one shield per attempt, entered and closed on the thread running it.
 */
public final class WatchdogShield extends AsyncTimeout implements AutoCloseable {
  private WatchdogShield() {}

  /**
   * Enters a shield due in {@code nanos}.
   *
   * @param nanos when the shield is due, in nanoseconds: positive, and no later than any timeout
   *     the attempt starts, so that those queue behind it
   * @return the shield, to be closed when the attempt is over
   */
  public static WatchdogShield open(long nanos) {
    WatchdogShield shield = new WatchdogShield();
    shield.timeout(nanos, TimeUnit.NANOSECONDS);
    shield.enter();
    return shield;
  }

  /** Leaves the watchdog's queue (nothing happens if the shield has already expired). */
  @Override
  public void close() {
    exit();
  }

  /** Expiring is not a failure: the attempt goes on under its own timeouts. */
  @Override
  protected void timedOut() {}
}
