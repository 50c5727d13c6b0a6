package io.github.hfcontacts.client;

/**
 * The asynchronous view of a {@link HappyFoxClient}: the same operations, returning
 * {@link java.util.concurrent.CompletableFuture}s. Obtained from {@link HappyFoxClient#async()}.
 *
 * <p>Each operation runs the synchronous one on the client's async executor
 * ({@link HappyFoxClient.Builder#asyncExecutor(java.util.concurrent.Executor)}), so it keeps
 * everything the synchronous one does: argument checks, the rate budget, retries with backoff,
 * the overall deadline, and the same typed {@link HappyFoxException}s, with which the future
 * completes exceptionally ({@code join()} wraps them in
 * {@link java.util.concurrent.CompletionException}, {@code get()} in
 * {@link java.util.concurrent.ExecutionException}; {@code exceptionally} and {@code handle} on
 * the returned future receive them as they are).
 *
 * <p><b>Cancellation.</b> {@code future.cancel(...)} cancels the HTTP call in flight (OkHttp
 * closes its connection), wakes a retry or rate-limit wait, and no further request of that
 * operation is sent; the future completes with a
 * {@link java.util.concurrent.CancellationException}. A POST cancelled in flight may still have
 * reached HappyFox and been applied: look the record up before writing it again. A cancel does not
 * propagate from stages derived with {@code thenApply} and the like: cancel the future this view
 * returned.
 *
 * <p><b>Threads.</b> An operation occupies one executor thread while it runs, including its waits.
 * By default the client uses a cached pool of daemon threads, shut down by
 * {@link HappyFoxClient#close()}. On Java 21 or later, {@code
 * asyncExecutor(Executors.newVirtualThreadPerTaskExecutor())} runs each operation on a virtual
 * thread: socket reads, retry waits and rate-limit waits then park only the virtual thread. Before
 * Java 24 a virtual thread stays pinned to its carrier while it holds a monitor, which this client
 * does only while the first use of {@link CustomFields} fetches the definitions. Virtual threads
 * can equally call the synchronous services directly; this view is for code that composes futures.
 *
 * <p>Example:
 * <pre>{@code
 * CompletableFuture<Contact> james = client.async().contacts().getByEmail("james@example.com");
 * james.thenAccept(c -> System.out.println(c.getName()))
 *     .exceptionally(e -> { log.warn("not found", e); return null; });
 * james.cancel(true); // cancels the request if it is still running
 * }</pre>
 *
 * <p>Thread safety: immutable and safe for concurrent use.
 */
public final class AsyncHappyFoxClient {
  private final AsyncContacts contacts;
  private final AsyncContactGroups contactGroups;
  private final AsyncCustomFields customFields;

  AsyncHappyFoxClient(HappyFoxClient client, AsyncRunner runner) {
    this.contacts = new AsyncContacts(client.contacts(), runner);
    this.contactGroups = new AsyncContactGroups(client.contactGroups(), runner);
    this.customFields = new AsyncCustomFields(client.customFields(), runner);
  }

  /**
   * Returns the asynchronous contacts service.
   *
   * <p>Example: {@code client.async().contacts().get(33)}.
   *
   * @return the service, the same instance on every call
   */
  public AsyncContacts contacts() {
    return contacts;
  }

  /**
   * Returns the asynchronous contact-groups service.
   *
   * <p>Example: {@code client.async().contactGroups().list()}.
   *
   * @return the service, the same instance on every call
   */
  public AsyncContactGroups contactGroups() {
    return contactGroups;
  }

  /**
   * Returns the asynchronous custom-field definitions service.
   *
   * <p>Example: {@code client.async().customFields().definitions()}.
   *
   * @return the service, the same instance on every call
   */
  public AsyncCustomFields customFields() {
    return customFields;
  }

  /**
   * Returns a description.
   *
   * @return {@code AsyncHappyFoxClient{}}
   */
  @Override
  public String toString() {
    return "AsyncHappyFoxClient{}";
  }
}
