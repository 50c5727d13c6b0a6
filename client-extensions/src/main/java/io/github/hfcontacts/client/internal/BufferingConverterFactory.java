package io.github.hfcontacts.client.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Placed before the JSON converter: reads the whole (size-capped) body first, then converts it from
 * memory. Not API.
 *
 * <p>Why: a streaming parser mixes two failures that the client must tell apart. A network failure
 * while reading the body leaves it as the original {@link IOException} (the request may be retried
 * if it is a GET); a parse failure of a complete body becomes {@link MalformedBodyException} (never
 * retried), carrying the parser's message with its JSON path.
 *
 * <p>Thread safety: stateless.
 */
public final class BufferingConverterFactory extends Converter.Factory {
  private final int excerptChars;

  /**
   * Creates the factory.
   *
   * @param excerptChars the most characters of a malformed body kept for diagnosis
   */
  public BufferingConverterFactory(int excerptChars) {
    this.excerptChars = excerptChars;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate =
        retrofit.nextResponseBodyConverter(this, type, annotations);
    return new BufferingConverter<>(delegate, excerptChars);
  }

  private static final class BufferingConverter<T> implements Converter<ResponseBody, T> {
    private final Converter<ResponseBody, T> delegate;
    private final int excerptChars;

    BufferingConverter(Converter<ResponseBody, T> delegate, int excerptChars) {
      this.delegate = delegate;
      this.excerptChars = excerptChars;
    }

    @Override
    public T convert(ResponseBody value) throws IOException {
      int statusCode = SuccessStatus.take();
      MediaType contentType = value.contentType();
      ByteString bytes;
      try {
        bytes = value.source().readByteString(); // a network failure propagates unchanged
      } finally {
        value.close();
      }
      if (bytes.size() == 0) {
        throw new MalformedBodyException(statusCode, "empty body", "", null);
      }
      try {
        return delegate.convert(ResponseBody.create(bytes, contentType));
      } catch (IOException | RuntimeException e) {
        String excerpt = ErrorBodies.excerpt(new Buffer().write(bytes), excerptChars);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new MalformedBodyException(statusCode, detail, excerpt, e);
      }
    }
  }
}
