package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * One page of a paged listing, as HappyFox answered it: the page number, HappyFox's
 * {@code page_info.page_count} and the page's items.
 *
 * <p>Example:
 * <pre>{@code
 * for (Page<Contact> page : client.contacts().list().pages()) {
 *   System.out.println("page " + page.number() + " of " + page.pageCount().orElse(-1)
 *       + ": " + page.items().size() + " contacts");
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable if the items are (the generated {@code Contact} model is mutable:
 * do not share a page between threads that change its items).
 *
 * @param <T> the type of the items
 */
public final class Page<T> {
  private final int number;
  private final Integer pageCount;
  private final Integer totalItems;
  private final List<T> items;

  Page(int number, Integer pageCount, Integer totalItems, List<T> items) {
    this.number = number;
    this.pageCount = pageCount;
    this.totalItems = totalItems;
    this.items = Collections.unmodifiableList(new ArrayList<>(items));
  }

  /**
   * Returns the page number, from 1.
   *
   * <p>Example: {@code 2} for the second page.
   *
   * @return the number
   */
  public int number() {
    return number;
  }

  /**
   * Returns HappyFox's number of pages for this listing at this page size
   * ({@code page_info.page_count}).
   *
   * <p>Example: {@code OptionalInt.of(7)}.
   *
   * @return the page count, or empty when HappyFox did not send it
   */
  public OptionalInt pageCount() {
    return pageCount == null ? OptionalInt.empty() : OptionalInt.of(pageCount);
  }

  /**
   * Returns HappyFox's total number of items of the listing ({@code page_info.last_index}).
   *
   * <p>Example: {@code OptionalInt.of(62)}.
   *
   * @return the total, or empty when HappyFox did not send it
   */
  public OptionalInt totalItems() {
    return totalItems == null ? OptionalInt.empty() : OptionalInt.of(totalItems);
  }

  /**
   * Returns the page's items, in HappyFox's order.
   *
   * <p>Example: up to 50 contacts.
   *
   * @return an unmodifiable list
   */
  public List<T> items() {
    return items;
  }

  /**
   * Returns whether HappyFox says no page follows this one.
   *
   * <p>Example: {@code true} for page 7 of 7, or for an empty page.
   *
   * @return whether this is the last page
   */
  public boolean isLast() {
    return items.isEmpty() || (pageCount != null && number >= pageCount);
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code Page{2 of 7, 50 items}}
   */
  @Override
  public String toString() {
    return "Page{" + number + (pageCount == null ? "" : " of " + pageCount) + ", "
        + items.size() + " items}";
  }
}
