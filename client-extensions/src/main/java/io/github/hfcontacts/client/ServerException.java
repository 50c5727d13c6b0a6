package io.github.hfcontacts.client;

/**
 * HappyFox failed with a 5xx status. A GET is retried on 502, 503 and 504 and once on 500; a POST is
 * never retried, since it may have been applied.
 *
 * <p>Example: {@code GET /api/1.1/json/users/ failed: HTTP 503 after 3 attempts}.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class ServerException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  ServerException(
      String message, String method, String path, int statusCode, String bodyExcerpt,
      int attempts) {
    super(message, method, path, statusCode, bodyExcerpt, attempts, null);
  }
}
