package io.github.hfcontacts.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs blocking operations of the synchronous services on an executor and hands out futures whose
 * {@code cancel} cancels the HTTP call in flight and interrupts the waits between attempts.
 */
final class AsyncRunner {
  private final Executor executor;

  AsyncRunner(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code operation} on the executor; the future completes with its result or failure. */
  <T> CompletableFuture<T> submit(Supplier<T> operation) {
    OperationFuture<T> future = new OperationFuture<>();
    try {
      executor.execute(() -> future.run(operation));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(
          new IllegalStateException("the async executor refused the operation (closed?)", e));
    }
    return future;
  }

  /** A future that knows the thread running its operation and the operation's cancellation. */
  private static final class OperationFuture<T> extends CompletableFuture<T> {
    private final Cancellation cancellation = new Cancellation();
    private Thread runner;
    private boolean finished;

    void run(Supplier<T> operation) {
      synchronized (this) {
        if (isDone()) {
          return; // cancelled before it started: send nothing
        }
        runner = Thread.currentThread();
      }
      Cancellation.CURRENT.set(cancellation);
      try {
        complete(operation.get());
      } catch (Throwable t) {
        completeExceptionally(t);
      } finally {
        Cancellation.CURRENT.remove();
        synchronized (this) {
          finished = true;
          runner = null;
          // An interrupt from a cancel that raced with the end of the operation must not leak
          // into the executor's next task.
          Thread.interrupted();
        }
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        cancellation.cancel();
        synchronized (this) {
          if (runner != null && !finished) {
            runner.interrupt(); // wakes a retry or rate-limit wait
          }
        }
      }
      return cancelled;
    }
  }
}
