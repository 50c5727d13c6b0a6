package io.github.hfcontacts.client;

/**
 * The requested resource does not exist (HTTP 404); never retried.
 *
 * <p>Example: {@code GET /api/1.1/json/user/999/ failed: HTTP 404}.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class NotFoundException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message, String method, String path, String bodyExcerpt, int attempts) {
    super(message, method, path, 404, bodyExcerpt, attempts, null);
  }
}
