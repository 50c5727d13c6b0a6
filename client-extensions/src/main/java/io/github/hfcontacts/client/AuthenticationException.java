package io.github.hfcontacts.client;

/**
 * HappyFox refused the credentials (HTTP 401) or the permission (HTTP 403); never retried. The
 * status is kept in {@link #statusCode()}.
 *
 * <p>Example: a wrong auth code gives {@code GET /api/1.1/json/users/ failed: HTTP 401}, with
 * {@code statusCode()} {@code OptionalInt.of(401)}.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class AuthenticationException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(
      String message, String method, String path, int statusCode, String bodyExcerpt,
      int attempts) {
    super(message, method, path, statusCode, bodyExcerpt, attempts, null);
  }
}
