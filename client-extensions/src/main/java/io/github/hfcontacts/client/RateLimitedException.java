package io.github.hfcontacts.client;

import java.time.Duration;
import java.util.Optional;

/**
 * HappyFox answered 429 Too Many Requests, or the client's {@link RateBudget} could not grant a
 * request before the operation's deadline, because it is spent or paused after a 429 (then
 * {@link #statusCode()} is empty and {@link #attempts()} counts only the requests actually sent).
 *
 * <p>After a 429 HappyFox blocks the account for 10 minutes, and the client pauses the budget it
 * shares with the account's other clients for the same time. {@link #retryAfter()} holds the wait:
 * the server's {@code Retry-After} (seconds or HTTP-date), or the documented 10 minutes when the
 * server named none. The client sleeps such a wait and retries (GET and POST alike, since a 429 was
 * not processed) only when it fits {@link RetryPolicy#maxRetryAfterWait()} and the deadline;
 * otherwise this exception is thrown at once.
 *
 * <p>Example:
 * <pre>{@code
 * try {
 *   contacts.upsertAllResettingOmittedCustomFields(drafts);
 * } catch (RateLimitedException e) {
 *   Duration wait = e.retryAfter().orElse(Duration.ofMinutes(10));
 *   scheduler.schedule(job, wait.toMillis(), TimeUnit.MILLISECONDS);
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class RateLimitedException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  /** The wait before the next request can succeed, or null when unknown. */
  private final Duration retryAfter;

  RateLimitedException(
      String message, String method, String path, int statusCode, String bodyExcerpt,
      int attempts, Duration retryAfter) {
    super(message, method, path, statusCode, bodyExcerpt, attempts, null);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long to wait before the next request can succeed.
   *
   * <p>Example: {@code Optional.of(Duration.ofSeconds(120))} after {@code Retry-After: 120};
   * {@code Optional.of(Duration.ofMinutes(10))} after a 429 without {@code Retry-After}.
   *
   * @return the wait, or empty when unknown
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
