package io.github.hfcontacts.client.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okio.AsyncTimeout;

/**
 * Keeps a timeout that does nothing when it expires in Okio's timeout queue while a client is in
 * use, so that the client's HTTP attempts do not wake Okio's watchdog thread. Not API.
 *
 * <p>Why: Okio enforces every I/O timeout (OkHttp's call timeout, and the read and write timeouts
 * of each socket operation) on one watchdog thread, and signals that thread whenever a timeout
 * starts that is due before every pending one. On a quiet queue that is every timeout: an HTTP/1
 * GET woke the watchdog two or three times (the call, the request's write, the response's read)
 * and a 77 KB page about ten, each wake-up a futex call and a context switch, several microseconds
 * of CPU. While a shield due no later than any timeout an attempt starts is queued, those timeouts
 * queue behind it and signal nothing.
 *
 * <p>How: {@link #cover()}, before each attempt, checks that the queued shield is due more than
 * half its span from now, and otherwise queues a fresh one (due one span from now, so behind the
 * old one: no signal) and takes the old one out. In steady use the watchdog wakes once per half
 * span (the old shield's due time, which it was waiting for); a client left idle lets its shield
 * expire, and its next attempt queues one again (one wake-up). {@link #close()} takes it out.
 *
 * <p>It changes no timeout: every timeout still fires when it is due (one due before the shield is
 * queued ahead of it and signals as before), and a shield that expires does nothing. While it is
 * queued, other clients' timeouts due after it queue without a signal too.
 *
 * <p>Thread safety: safe for concurrent use; two threads may both queue a fresh shield, and the
 * one that loses takes its own out again.
 */
public final class WatchdogShield implements AutoCloseable {
  private final long spanNanos;
  private final AtomicReference<Shield> current = new AtomicReference<>();

  /**
   * Creates the holder; nothing is queued before the first {@link #cover()}.
   *
   * @param spanNanos how long after it is queued a shield is due, in nanoseconds: positive, and no
   *     more than any timeout the client's attempts start (its call, read and write timeouts)
   */
  public WatchdogShield(long spanNanos) {
    if (spanNanos <= 0) {
      throw new IllegalArgumentException("spanNanos must be positive but was " + spanNanos);
    }
    this.spanNanos = spanNanos;
  }

  /** Makes sure a shield due more than half a span from now is queued. Cheap when one is. */
  public void cover() {
    Shield shield = current.get();
    long now = System.nanoTime();
    if (shield != null && shield.dueAt - now > spanNanos / 2) {
      return;
    }
    Shield fresh = new Shield(now + spanNanos);
    fresh.timeout(spanNanos, TimeUnit.NANOSECONDS);
    fresh.enter();
    if (current.compareAndSet(shield, fresh)) {
      if (shield != null) {
        shield.exit();
      }
    } else {
      fresh.exit(); // another thread queued one meanwhile
    }
  }

  /** Takes the queued shield out, if any; a later {@link #cover()} queues one again. */
  @Override
  public void close() {
    Shield shield = current.getAndSet(null);
    if (shield != null) {
      shield.exit();
    }
  }

  /** Whether a shield is queued and not yet due, for tests. */
  boolean isCovering() {
    Shield shield = current.get();
    return shield != null && shield.dueAt - System.nanoTime() > 0;
  }

  private static final class Shield extends AsyncTimeout {
    final long dueAt;

    Shield(long dueAt) {
      this.dueAt = dueAt;
    }

    /** Expiring is not a failure: attempts go on under their own timeouts. */
    @Override
    protected void timedOut() {}
  }
}
