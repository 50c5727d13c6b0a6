package io.github.hfcontacts.client.internal;

import io.github.hfcontacts.client.FieldError;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Fails a 2xx response whose JSON body holds only {@code "error"} with
 * {@link ErrorEnvelopeException}, before any converter can map that body onto a model and report a
 * failure as a success. A UTF-8 byte-order mark before the body is skipped, as the JSON converter
 * skips it. Not API.
 *
 * <p>Thread safety: immutable.
 */
public final class ErrorEnvelopeInterceptor implements Interceptor {
  private final int excerptChars;

  /**
   * Creates the interceptor.
   *
   * @param excerptChars the most characters of the body kept in the exception
   */
  public ErrorEnvelopeInterceptor(int excerptChars) {
    this.excerptChars = excerptChars;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (!response.isSuccessful()) {
      return response;
    }
    SuccessStatus.set(response.code());
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    // A byte-level look at the first key decides for almost every body: it reads a dozen bytes
    // into the body's own buffer, where the converter finds them, and copies nothing. (A peek()
    // would mark the buffered segment as shared, and Okio never recycles a shared segment.)
    // The size cap applies, because the body's source is the capped one.
    BufferedSource source = body.source();
    if (!BodyScan.mayBeErrorEnvelope(source)) {
      return response;
    }
    Optional<List<FieldError>> errors = ErrorBodies.envelope(withoutByteOrderMark(source.peek()));
    if (errors.isEmpty()) {
      return response;
    }
    String excerpt = ErrorBodies.excerpt(withoutByteOrderMark(source.peek()), excerptChars);
    response.close();
    throw new ErrorEnvelopeException(response.code(), errors.get(), excerpt);
  }

  private static BufferedSource withoutByteOrderMark(BufferedSource peek) throws IOException {
    if (peek.rangeEquals(0, BodyScan.UTF8_BOM)) {
      peek.skip(BodyScan.UTF8_BOM.size());
    }
    return peek;
  }
}
