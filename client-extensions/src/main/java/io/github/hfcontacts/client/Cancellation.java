package io.github.hfcontacts.client;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The cancellation of one asynchronous operation, seen by the transport: the operation's thread
 * holds it in {@link #CURRENT} while it runs, the transport registers each HTTP call with it
 * before sending, and {@link #cancel()} cancels the call in flight (OkHttp closes its connection)
 * and refuses every later one, so that no retry is sent after a cancellation.
 */
final class Cancellation {
  /** The cancellation of the operation running on this thread; null for synchronous calls. */
  static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

  private Call<?> inFlight;
  private boolean cancelled;

  /**
   * Executes {@code call}, registered with the cancellation of the operation running on this
   * thread, if any: the one place where the transport sends a request.
   *
   * @throws CancellationException if that operation is already cancelled (nothing is sent then),
   *     or is cancelled while the call is in flight
   */
  static <T> Response<T> execute(Call<T> call) throws IOException {
    Cancellation cancellation = CURRENT.get();
    if (cancellation == null) {
      return call.execute();
    }
    cancellation.register(call);
    try {
      return call.execute();
    } catch (IOException e) {
      if (cancellation.isCancelled()) {
        // The failure is the cancellation itself: no retry, no backoff.
        CancellationException cancelled = new CancellationException(
            "cancelled while " + call.request().method() + " "
                + call.request().url().encodedPath() + " was in flight");
        cancelled.initCause(e);
        throw cancelled;
      }
      throw e;
    } finally {
      cancellation.unregister(call);
    }
  }

  /**
   * Registers the call about to be sent.
   *
   * @throws CancellationException if the operation is already cancelled; nothing is sent then
   */
  synchronized void register(Call<?> call) {
    if (cancelled) {
      throw new CancellationException("cancelled before " + call.request().method() + " "
          + call.request().url().encodedPath() + " was sent");
    }
    inFlight = call;
  }

  /** Forgets the call once it has completed. */
  synchronized void unregister(Call<?> call) {
    if (inFlight == call) {
      inFlight = null;
    }
  }

  /** Cancels the call in flight, if any, and every later one. */
  void cancel() {
    Call<?> call;
    synchronized (this) {
      cancelled = true;
      call = inFlight;
      inFlight = null;
    }
    if (call != null) {
      call.cancel();
    }
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }
}
