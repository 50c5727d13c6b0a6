package io.github.hfcontacts.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The fetching operations of {@link CustomFields}, returning futures; see
 * {@link AsyncHappyFoxClient} for how they run, fail and are cancelled. Obtained from
 * {@code client.async().customFields()}. The cache is the client's: both views share it.
 *
 * <p>Example: {@code client.async().customFields().definitions().thenAccept(System.out::println)}.
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class AsyncCustomFields {
  private final CustomFields fields;
  private final AsyncRunner runner;

  AsyncCustomFields(CustomFields fields, AsyncRunner runner) {
    this.fields = fields;
    this.runner = runner;
  }

  /**
   * {@link CustomFields#definitions()}, asynchronously.
   *
   * <p>Example: {@code definitions().join().get(0).name()} returns {@code "Account Number"}.
   *
   * @return the cached definitions (fetched on first use), or the failure
   */
  public CompletableFuture<List<CustomFieldDefinition>> definitions() {
    return runner.submit(fields::definitions);
  }

  /**
   * {@link CustomFields#refresh()}, asynchronously.
   *
   * <p>Example: {@code refresh()} sends {@code GET /user_custom_fields/}.
   *
   * @return the new definitions, or the failure (the old cache stays then)
   */
  public CompletableFuture<List<CustomFieldDefinition>> refresh() {
    return runner.submit(fields::refresh);
  }

  /**
   * Returns a description.
   *
   * @return {@code AsyncCustomFields{}}
   */
  @Override
  public String toString() {
    return "AsyncCustomFields{}";
  }
}
