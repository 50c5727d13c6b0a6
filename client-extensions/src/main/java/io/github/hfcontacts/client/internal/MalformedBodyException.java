package io.github.hfcontacts.client.internal;

import java.io.IOException;

/**
 * A 2xx body that the converter could not turn into the expected type (not JSON, wrong shape,
 * empty). Raised after the body was read completely, so it is never a network failure. Not API.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class MalformedBodyException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The 2xx status, or -1. */
  private final int statusCode;
  /** What was wrong. */
  private final String detail;
  /** The start of the body. */
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param statusCode the 2xx status, or -1 when unknown
   * @param detail what was wrong, such as the parser's message with its JSON path
   * @param bodyExcerpt the start of the body
   * @param cause the parser's exception, or null
   */
  public MalformedBodyException(int statusCode, String detail, String bodyExcerpt, Throwable cause) {
    super(detail, cause);
    this.statusCode = statusCode;
    this.detail = detail;
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * Returns the 2xx status, or -1 when unknown.
   *
   * @return the status or -1
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns what was wrong.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
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
