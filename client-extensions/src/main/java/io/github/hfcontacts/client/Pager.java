package io.github.hfcontacts.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, auto-paginating listing: iterate it (or {@link #stream()} it) to get every item, page
 * after page, or iterate {@link #pages()} to see the pages themselves.
 *
 * <p>Laziness: creating a pager sends nothing. Each iteration starts from page 1 and fetches a
 * page only when the previous one is used up, holding one page in memory; stopping early (a
 * {@code break}, {@code stream().limit(5).toList()}) sends no further request. The walk stops after
 * the page numbered {@code page_info.page_count}, at an empty page, or after {@link #maxPages(int)}
 * pages; without a {@code page_count} it also stops after a page shorter than the page size.
 *
 * <p>HappyFox pages by offset: contacts created or deleted during a long walk can shift between
 * pages, so an item may be seen twice or missed.
 *
 * <p>Failures: a failed page request throws its typed {@link HappyFoxException} (for example
 * {@link AuthenticationException}) from {@code hasNext()} / {@code next()} or from the stream's
 * terminal operation, unwrapped; the pager keeps no state between iterations, so iterating again
 * starts over.
 *
 * <p>Example:
 * <pre>{@code
 * Pager<Contact> everyone = client.contacts().list();
 * for (Contact contact : everyone) { ... }                       // all pages, lazily
 * List<Contact> first5 = everyone.stream().limit(5).collect(toList()); // one request
 * for (Page<Contact> page : everyone.maxPages(3).pages()) { ... }      // at most 3 requests
 * }</pre>
 *
 * <p>Thread safety: the pager is immutable and may be shared; each iterator (and stream) it
 * returns is for one thread.
 *
 * @param <T> the type of the items
 */
public final class Pager<T> implements Iterable<T> {
  /** Fetches one page; package-private so that only the services create pagers. */
  interface PageFetcher<T> {
    Page<T> fetch(int pageNumber);
  }

  private final PageFetcher<T> fetcher;
  private final int pageSize;
  private final int maxPages;
  private final int firstPage;

  Pager(PageFetcher<T> fetcher, int pageSize, int maxPages) {
    this(fetcher, pageSize, maxPages, 1);
  }

  private Pager(PageFetcher<T> fetcher, int pageSize, int maxPages, int firstPage) {
    this.fetcher = fetcher;
    this.pageSize = pageSize;
    this.maxPages = maxPages;
    this.firstPage = firstPage;
  }

  /**
   * Returns a copy of this pager that fetches at most {@code maxPages} pages.
   *
   * <p>Example: {@code contacts.list().maxPages(2)} yields at most 100 contacts, in at most two
   * requests.
   *
   * @param maxPages 1 or more
   * @return the limited pager
   * @throws IllegalArgumentException naming {@code maxPages} if it is less than 1
   */
  public Pager<T> maxPages(int maxPages) {
    Args.atLeastOne("maxPages", maxPages);
    return new Pager<>(fetcher, pageSize, maxPages, firstPage);
  }

  /**
   * Returns a copy of this pager whose iterations start at page {@code firstPage} instead of 1:
   * to continue a walk that stopped, or to fetch different pages from several threads (the
   * client's rate limit is shared by all of them). {@link #maxPages(int)} then counts from that
   * page.
   *
   * <p>Example: {@code contacts.list().startingAt(7).maxPages(1).pages()} fetches page 7 only
   * ({@code GET /users/?size=50&page=7}); it is empty when the listing has fewer pages.
   *
   * @param firstPage 1 or more
   * @return the pager starting at that page
   * @throws IllegalArgumentException naming {@code firstPage} if it is less than 1
   */
  public Pager<T> startingAt(int firstPage) {
    Args.atLeastOne("firstPage", firstPage);
    return new Pager<>(fetcher, pageSize, maxPages, firstPage);
  }

  /**
   * Returns the pages, lazily, each fetched when the iteration reaches it. Empty pages are not
   * returned.
   *
   * <p>Example: {@code for (Page<Contact> page : pager.pages()) process(page.items());}
   *
   * @return an iterable over the pages; each iterator starts from page 1 (or the page given to
   *     {@link #startingAt(int)})
   */
  public Iterable<Page<T>> pages() {
    return PageIterator::new;
  }

  /**
   * Returns an iterator over every item of every page, fetching pages as needed.
   *
   * <p>Example: {@code Iterator<Contact> it = pager.iterator(); it.hasNext();} sends the first
   * request at {@code hasNext()}, not before.
   *
   * @return a new iterator starting from page 1
   */
  @Override
  public Iterator<T> iterator() {
    return new ItemIterator();
  }

  /**
   * Returns a sequential stream of every item, fetching pages as the stream is consumed; no
   * request is sent before the terminal operation starts.
   *
   * <p>Example: {@code pager.stream().filter(c -> c.getTicketsCount() > 0).count()}.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(iterator(),
            Spliterator.ORDERED | Spliterator.NONNULL),
        Spliterator.ORDERED | Spliterator.NONNULL,
        false);
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code Pager{pageSize=50, maxPages=3}}
   */
  @Override
  public String toString() {
    return "Pager{pageSize=" + pageSize
        + (firstPage == 1 ? "" : ", firstPage=" + firstPage)
        + (maxPages == Integer.MAX_VALUE ? "" : ", maxPages=" + maxPages) + "}";
  }

  private final class PageIterator implements Iterator<Page<T>> {
    private int nextNumber = firstPage;
    private int fetched;
    private boolean done;
    private Page<T> ready;

    @Override
    public boolean hasNext() {
      if (ready != null) {
        return true;
      }
      if (done) {
        return false;
      }
      if (fetched >= maxPages) {
        done = true;
        return false;
      }
      Page<T> page = Objects.requireNonNull(fetcher.fetch(nextNumber), "page");
      nextNumber++;
      fetched++;
      if (page.items().isEmpty()) {
        done = true;
        return false;
      }
      boolean last = page.isLast()
          || (!page.pageCount().isPresent() && page.items().size() < pageSize);
      if (last) {
        done = true;
      }
      ready = page;
      return true;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more pages");
      }
      Page<T> page = ready;
      ready = null;
      return page;
    }
  }

  private final class ItemIterator implements Iterator<T> {
    private final PageIterator pages = new PageIterator();
    private Iterator<T> current;

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        current = null; // let the used-up page go before fetching the next
        if (!pages.hasNext()) {
          return false;
        }
        current = pages.next().items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more items");
      }
      return current.next();
    }
  }
}
