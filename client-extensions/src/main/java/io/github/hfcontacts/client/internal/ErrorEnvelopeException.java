package io.github.hfcontacts.client.internal;

import io.github.hfcontacts.client.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A 2xx response whose body is only {@code {"error": ...}}: a failure despite its status. An
 * {@link IOException} so that it leaves OkHttp before any converter runs; the client turns it into a
 * {@code ValidationException}. Not API.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class ErrorEnvelopeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The 2xx status. */
  private final int statusCode;
  /** The parsed field errors. */
  private final ArrayList<FieldError> fieldErrors;
  /** The start of the body. */
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param statusCode the 2xx status
   * @param fieldErrors the parsed field errors
   * @param bodyExcerpt the start of the body
   */
  public ErrorEnvelopeException(int statusCode, List<FieldError> fieldErrors, String bodyExcerpt) {
    super("HTTP " + statusCode + " with an error body");
    this.statusCode = statusCode;
    this.fieldErrors = new ArrayList<>(fieldErrors);
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * Returns the 2xx status.
   *
   * @return the status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the parsed field errors.
   *
   * @return an unmodifiable list
   */
  public List<FieldError> fieldErrors() {
    return Collections.unmodifiableList(fieldErrors);
  }

  /**
   * Returns the start of the body.
   *
   * @return the excerpt
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
