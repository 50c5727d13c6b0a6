package io.github.hfcontacts.client;

/**
 * A response could not be used: a 2xx body that is not JSON or not of the expected shape, an empty
 * body where one was expected, or any body larger than
 * {@link HappyFoxClient.Builder#maxResponseBytes(long)}. Never retried. The parser's own message
 * (with its JSON path) is in {@link #getCause()} and summarised in the message.
 *
 * <p>Example: {@code GET /api/1.1/json/users/ failed: malformed body in HTTP 200 (Expected
 * BEGIN_OBJECT but was STRING at path $)}.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class MalformedResponseException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  MalformedResponseException(
      String message, String method, String path, int statusCode, String bodyExcerpt,
      int attempts, Throwable cause) {
    super(message, method, path, statusCode, bodyExcerpt, attempts, cause);
  }
}
