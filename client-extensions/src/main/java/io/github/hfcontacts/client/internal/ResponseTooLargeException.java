package io.github.hfcontacts.client.internal;

import java.io.IOException;

/**
 * A response body is larger than the client's cap. An {@link IOException} so that it travels
 * through OkHttp and Retrofit unchanged; the client turns it into a typed exception. Not API.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The response's HTTP status. */
  private final int statusCode;
  /** The cap in bytes. */
  private final long limit;
  /** The announced Content-Length, or -1. */
  private final long announcedLength;

  /**
   * Creates the exception.
   *
   * @param statusCode the response's HTTP status
   * @param limit the cap in bytes
   * @param announcedLength the {@code Content-Length}, or -1 when the stream itself went over
   */
  public ResponseTooLargeException(int statusCode, long limit, long announcedLength) {
    super("HTTP " + statusCode + " body exceeds the " + limit + "-byte limit"
        + (announcedLength >= 0 ? " (Content-Length " + announcedLength + ")" : ""));
    this.statusCode = statusCode;
    this.limit = limit;
    this.announcedLength = announcedLength;
  }

  /**
   * Returns the response's HTTP status.
   *
   * @return the status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the cap in bytes.
   *
   * @return the cap
   */
  public long limit() {
    return limit;
  }

  /**
   * Returns the announced {@code Content-Length}, or -1 when the stream went over the cap.
   *
   * @return the announced length or -1
   */
  public long announcedLength() {
    return announcedLength;
  }
}
