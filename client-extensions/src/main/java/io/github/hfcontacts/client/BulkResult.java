package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The per-item outcome of a bulk operation that the client split into requests of at most 100
 * items: one {@link ItemResult} per input item, in input order, every item accounted for, plus the
 * failures of whole requests. A failed request never hides the results of the others.
 *
 * <p>Example:
 * <pre>{@code
 * BulkResult<ContactDraft> result = // 250 drafts, 3 requests
 *     client.contacts().upsertAllResettingOmittedCustomFields(drafts);
 * result.size();          // 250
 * result.succeeded();     // 150 when the second request met HTTP 500
 * result.failed();        // 100
 * result.chunkFailures(); // [ChunkFailure{#1 items 100..199: ... HTTP 500}]
 * result.items().get(0).id(); // OptionalLong.of(14)
 * }</pre>
 *
 * <p>Bulk operations never throw for a failed request (only for invalid arguments before anything
 * is sent): inspect this result, for instance with {@link #allSucceeded()}.
 *
 * <p>A request whose outcome is unknown (dropped connection, timeout, 5xx) is sent again for its
 * idempotent items (contacts with an email and no new phone; every group membership change) within
 * the retry policy's attempts and total time, and what is still unknown is read back: each item
 * ends succeeded, rejected with reasons, failed with a definite cause, or, only when the read-back
 * failed too, with {@link ItemResult#outcomeUnknown()}.
 *
 * <p>Thread safety: immutable if the input items are.
 *
 * @param <T> the type of the input items
 */
public final class BulkResult<T> {
  private final List<ItemResult<T>> items;
  private final List<ChunkFailure> chunkFailures;
  private final int succeeded;

  BulkResult(List<ItemResult<T>> items, List<ChunkFailure> chunkFailures) {
    this.items = Collections.unmodifiableList(new ArrayList<>(items));
    this.chunkFailures = Collections.unmodifiableList(new ArrayList<>(chunkFailures));
    this.succeeded = count(ItemResult::succeeded);
  }

  /**
   * Returns one result per input item, in input order.
   *
   * <p>Example: {@code items().get(i).input()} is the {@code i}-th input item.
   *
   * @return an unmodifiable list
   */
  public List<ItemResult<T>> items() {
    return items;
  }

  /**
   * Returns the number of input items.
   *
   * <p>Example: {@code 250}.
   *
   * @return the number of items
   */
  public int size() {
    return items.size();
  }

  /**
   * Returns how many items HappyFox applied.
   *
   * <p>Example: {@code 150}.
   *
   * @return the number of {@link ItemResult.Status#SUCCEEDED} items
   */
  public int succeeded() {
    return succeeded;
  }

  /**
   * Returns how many items were not applied (rejected, in a failed request, or not sent).
   *
   * <p>Example: {@code 100}.
   *
   * @return {@code size() - succeeded()}
   */
  public int failed() {
    return items.size() - succeeded;
  }

  /**
   * Returns how many items HappyFox refused one by one ({@code success: false}, with reasons).
   *
   * <p>Example: {@code 1} when one contact of the batch lacked a required field.
   *
   * @return the number of {@link ItemResult.Status#REJECTED} items
   */
  public int rejected() {
    return count(item -> item.status() == ItemResult.Status.REJECTED);
  }

  /**
   * Returns how many items may or may not have been applied: their request's outcome stayed
   * unknown after the re-sends and the read-back allowed (see {@link ItemResult#outcomeUnknown()}).
   *
   * <p>Example: {@code 0} unless HappyFox kept failing while the items were being read back.
   *
   * @return the number of items whose fate is unknown
   */
  public int outcomeUnknown() {
    return count(ItemResult::outcomeUnknown);
  }

  private int count(Predicate<ItemResult<T>> which) {
    int count = 0;
    for (ItemResult<T> item : items) {
      if (which.test(item)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns whether every item succeeded.
   *
   * <p>Example: {@code false} when any request failed or any item was rejected.
   *
   * @return whether {@link #failed()} is 0
   */
  public boolean allSucceeded() {
    return failed() == 0;
  }

  /**
   * Returns the results of the items that did not succeed, in input order.
   *
   * <p>Example: the 100 results of the items of a request that met HTTP 500.
   *
   * @return an unmodifiable list
   */
  public List<ItemResult<T>> failures() {
    List<ItemResult<T>> failures = new ArrayList<>();
    for (ItemResult<T> item : items) {
      if (!item.succeeded()) {
        failures.add(item);
      }
    }
    return Collections.unmodifiableList(failures);
  }

  /**
   * Returns the failures of whole requests, in request order.
   *
   * <p>Example: {@code [ChunkFailure{#1 items 100..199: POST /api/1.1/json/users/ failed: HTTP
   * 500}]}.
   *
   * @return an unmodifiable list, empty when every request was answered and matched
   */
  public List<ChunkFailure> chunkFailures() {
    return chunkFailures;
  }

  /**
   * Returns the counts.
   *
   * @return e.g. {@code BulkResult{250 items: 150 succeeded, 100 failed, 1 chunk failure}}
   */
  @Override
  public String toString() {
    return "BulkResult{" + items.size() + " items: " + succeeded + " succeeded, " + failed()
        + " failed, " + chunkFailures.size() + " chunk failure"
        + (chunkFailures.size() == 1 ? "" : "s") + "}";
  }
}
