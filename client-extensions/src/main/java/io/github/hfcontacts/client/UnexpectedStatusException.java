package io.github.hfcontacts.client;

/**
 * A status with no more specific meaning here: any 3xx (redirects are never followed, since a
 * redirected POST can silently become a GET), and 4xx other than 400, 401, 403, 404 and 429 (405,
 * 409, 413, ...). Never retried.
 *
 * <p>Example: {@code POST /api/1.1/json/users/ failed: HTTP 301}.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class UnexpectedStatusException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(
      String message, String method, String path, int statusCode, String bodyExcerpt,
      int attempts) {
    super(message, method, path, statusCode, bodyExcerpt, attempts, null);
  }
}
