package io.github.hfcontacts.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every failure the HappyFox client reports; unchecked. Subclasses name the cause:
 * {@link AuthenticationException} (401, 403), {@link NotFoundException} (404),
 * {@link ValidationException} (400, or a 2xx whose body is only {@code {"error": [...]}}),
 * {@link RateLimitedException} (429), {@link ServerException} (5xx), {@link NetworkException} (I/O
 * failure), {@link MalformedResponseException} (unreadable 2xx body, or a body over the size cap)
 * and {@link UnexpectedStatusException} (any other status, redirects included). This class itself
 * is thrown only when the calling thread is interrupted while the client waits.
 *
 * <p>Every exception carries the HTTP method and the URL path (never the query string, whose
 * values may be private), the status when a response arrived, a bounded excerpt of the response
 * body (at most 512 characters, kept out of the message), and how many attempts were made. Messages
 * never hold credentials or whole bodies: {@code POST /api/1.1/json/users/ failed: HTTP 400 (name:
 * This field is required.)}.
 *
 * <p>Example:
 * <pre>{@code
 * try {
 *   contacts.get(42);
 * } catch (NotFoundException e) {
 *   return Optional.empty();
 * } catch (HappyFoxException e) {
 *   log.warn("HappyFox call failed: {} (status {})", e.getMessage(), e.statusCode());
 *   throw e;
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable once thrown.
 */
public class HappyFoxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Upper bound, in characters, of {@link #bodyExcerpt()}. */
  public static final int MAX_BODY_EXCERPT_CHARS = 512;

  /** The HTTP method. */
  private final String method;
  /** The encoded URL path, without the query string. */
  private final String path;
  /** The HTTP status, or -1 when no response arrived. */
  private final int statusCode;
  /** The start of the response body, or null. */
  private final String bodyExcerpt;
  /** The number of attempts made. */
  private final int attempts;

  // Constructors are package-private: only the client creates these, so their shape can evolve.
  HappyFoxException(
      String message,
      String method,
      String path,
      int statusCode,
      String bodyExcerpt,
      int attempts,
      Throwable cause) {
    super(message, cause);
    this.method = method;
    this.path = path;
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
    this.attempts = attempts;
  }

  /**
   * Returns the HTTP method of the failed request.
   *
   * <p>Example: {@code "POST"}.
   *
   * @return the method
   */
  public final String method() {
    return method;
  }

  /**
   * Returns the encoded URL path of the failed request, without host or query string.
   *
   * <p>Example: {@code "/api/1.1/json/users/"}.
   *
   * @return the path
   */
  public final String path() {
    return path;
  }

  /**
   * Returns the HTTP status of the response that failed, if a response arrived.
   *
   * <p>Example: {@code OptionalInt.of(404)} for a {@link NotFoundException};
   * {@code OptionalInt.empty()} for a {@link NetworkException}.
   *
   * @return the status, or empty when no response arrived
   */
  public final OptionalInt statusCode() {
    return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /**
   * Returns the first characters (at most {@value #MAX_BODY_EXCERPT_CHARS}) of the response body,
   * for diagnosis; never part of {@link #getMessage()}.
   *
   * <p>Example: the first 512 characters of an HTML maintenance page, or the whole
   * {@code "error"} body of a 400.
   *
   * @return the excerpt, or empty when there was no body or it was not read
   */
  public final Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }

  /**
   * Returns how many HTTP attempts the operation made before giving up.
   *
   * <p>Example: {@code 3} after a GET met 503 three times under the default {@link RetryPolicy};
   * {@code 0} when no request was sent (for example the rate budget's wait exceeded the deadline).
   *
   * @return the attempts made
   */
  public final int attempts() {
    return attempts;
  }
}
