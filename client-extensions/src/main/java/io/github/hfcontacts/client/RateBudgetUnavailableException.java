package io.github.hfcontacts.client;

/**
 * The {@link RateBudget} could not be consulted, typically because the store of a budget shared
 * between processes (Redis, a database) is unreachable: the request was <b>not sent</b>, since
 * sending it without the budget could trip HappyFox's 10-minute block for every process of the
 * account. The client never falls back to sending unlimited.
 *
 * <p>Thrown by the client with the method and path of the request it refused (the budget's own
 * exception as the cause), and by budget implementations themselves, whose
 * {@link #method()} and {@link #path()} are then empty strings.
 *
 * <p>Example:
 * <pre>{@code
 * try {
 *   contacts.upsertAllResettingOmittedCustomFields(drafts);
 * } catch (RateBudgetUnavailableException e) {
 *   log.warn("rate budget store down, retrying the job later: {}", e.getMessage());
 *   scheduler.schedule(job, 1, TimeUnit.MINUTES);
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable once thrown.
 */
public class RateBudgetUnavailableException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception a budget implementation throws when its store fails.
   *
   * <p>Example: {@code new RateBudgetUnavailableException("Redis did not answer within 2 s", e)}.
   *
   * @param message what failed, without secrets (no store passwords)
   * @param cause the store's exception, or null
   */
  public RateBudgetUnavailableException(String message, Throwable cause) {
    super(message, "", "", -1, null, 0, cause);
  }

  RateBudgetUnavailableException(
      String message, String method, String path, int attempts, Throwable cause) {
    super(message, method, path, -1, null, attempts, cause);
  }
}
