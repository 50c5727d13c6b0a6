package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.Page;
import io.github.hfcontacts.client.Pager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pages of a listing in order, fetched up to {@code parallel} at a time once the first page
 * has told how many there are. HappyFox answers a page in a few hundred milliseconds, longer than
 * the GET budget's pace (one every 120 ms at 500 a minute), so one request at a time would use
 * a fraction of the budget; the client's limiter is shared by the threads, so more never means
 * over the limit. At most {@code parallel} pages are held: memory stays constant.
 */
final class PageSource implements AutoCloseable {
  private final Pager<?> pager;
  private final int parallel;
  private final ExecutorService pool;
  private final Deque<Future<Page<?>>> ahead = new ArrayDeque<>();
  private Iterator<? extends Page<?>> sequential;
  private int nextPage = 1;
  private int pageCount = -1;
  private boolean done;

  <T> PageSource(Pager<T> pager, int parallel) {
    this.pager = pager;
    this.parallel = parallel;
    this.pool = parallel <= 1 ? null : Executors.newFixedThreadPool(parallel, runnable -> {
      Thread thread = new Thread(runnable, "happyfox-contacts-pages");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The next page, or null after the last. */
  @SuppressWarnings("unchecked")
  <T> Page<T> next() {
    if (done) {
      return null;
    }
    if (nextPage == 1) {
      nextPage = 2;
      Iterator<? extends Page<?>> pages = pager.pages().iterator();
      if (!pages.hasNext()) {
        done = true;
        return null;
      }
      Page<?> page = pages.next();
      pageCount = page.pageCount().orElse(-1);
      if (pageCount < 0 || pool == null) {
        // Page count unknown, or one at a time: the same walk goes on, and knows where it ends.
        sequential = pages;
      }
      return (Page<T>) page;
    }
    if (sequential != null) {
      if (!sequential.hasNext()) {
        done = true;
        return null;
      }
      return (Page<T>) sequential.next();
    }
    while (ahead.size() < parallel && nextPage <= pageCount) {
      int number = nextPage++;
      ahead.add(pool.submit(() -> {
        Iterator<? extends Page<?>> one = pager.startingAt(number).maxPages(1).pages().iterator();
        return one.hasNext() ? one.next() : null;
      }));
    }
    if (ahead.isEmpty()) {
      done = true;
      return null;
    }
    Page<?> page = await(ahead.poll());
    if (page == null) {
      done = true; // fewer pages than announced: contacts were deleted during the walk
      return null;
    }
    return (Page<T>) page;
  }

  /**
   * The result of a request run on another thread, its failure rethrown as it was (a typed
   * {@code HappyFoxException} stays one).
   */
  static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.INTERRUPTED, "interrupted; an import continues with"
          + " --resume");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
