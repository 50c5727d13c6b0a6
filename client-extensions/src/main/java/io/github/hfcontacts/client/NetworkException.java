package io.github.hfcontacts.client;

import java.io.IOException;

/**
 * The exchange failed at the I/O level (connection refused, unknown host, timeout, connection
 * reset); the {@link IOException} is the cause.
 *
 * <p>{@link #requestMayHaveReachedServer()} tells whether HappyFox may have received, and so
 * applied, the request. It is {@code false} only when the connection never opened or the request
 * was provably never written; then even a POST is retried. Otherwise a POST is replayed only when
 * the contract marks it idempotent, because HappyFox has no idempotency key: look the record up
 * before repeating any other write.
 *
 * <p>Example:
 * <pre>{@code
 * try {
 *   contacts.upsertResettingOmittedCustomFields(newContact);
 * } catch (NetworkException e) {
 *   if (e.requestMayHaveReachedServer()) {
 *     // the POST may have created the contact: look it up by email before trying again
 *   }
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class NetworkException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  /** Whether the request may have been received by HappyFox. */
  private final boolean requestMayHaveReachedServer;

  NetworkException(
      String message, String method, String path, int attempts, boolean requestMayHaveReachedServer,
      IOException cause) {
    super(message, method, path, -1, null, attempts, cause);
    this.requestMayHaveReachedServer = requestMayHaveReachedServer;
  }

  /**
   * Returns whether the request may have been received, and applied, by HappyFox.
   *
   * <p>Example: {@code false} after {@code ConnectException: Connection refused}; {@code true}
   * after a read timeout or a connection reset once the request was written.
   *
   * @return false only when the request certainly never left the client
   */
  public boolean requestMayHaveReachedServer() {
    return requestMayHaveReachedServer;
  }
}
