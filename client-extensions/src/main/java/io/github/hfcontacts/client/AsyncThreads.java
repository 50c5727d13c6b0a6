package io.github.hfcontacts.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The default executor of {@link HappyFoxClient#async()}: a cached pool of daemon threads. */
final class AsyncThreads {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private AsyncThreads() {}

  /**
   * A pool that starts a thread per concurrent operation and lets idle ones end after a minute;
   * daemon threads named {@code happyfox-async-<pool>-<n>}, so that an unclosed client never
   * keeps the JVM alive.
   */
  static ExecutorService newPool() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "happyfox-async-" + pool + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
  }
}
