package io.github.hfcontacts.client.internal;

import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
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
 * <p>Reading to the end leaves the whole body in the source's own buffer, which the converter then
 * parses in place: the body is never copied. Before parsing, a body holding a number literal longer
 * than {@link HappyFoxMoshi#MAX_NUMBER_CHARS} characters is refused as malformed, because turning
 * one into a number costs time quadratic in its length, after every timeout has stopped applying.
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
      BufferedSource source = value.source();
      try {
        source.request(Long.MAX_VALUE); // to the end; a network failure propagates unchanged
        Buffer body = source.getBuffer(); // the whole body, where the reads left it: no copy
        if (body.size() == 0) {
          throw new MalformedBodyException(statusCode, "empty body", "", null);
        }
        // Kept for a failure's excerpt: the parser consumes the body as it goes.
        Buffer head = BodyScan.head(body, 4L * excerptChars);
        long longNumber = BodyScan.longNumberLiteral(body, HappyFoxMoshi.MAX_NUMBER_CHARS);
        if (longNumber >= 0) {
          throw new MalformedBodyException(statusCode, "number literal of more than "
              + HappyFoxMoshi.MAX_NUMBER_CHARS + " characters at byte " + longNumber,
              ErrorBodies.excerpt(head, excerptChars), null);
        }
        T converted;
        try {
          // No content type: the JSON converter reads UTF-8 whatever it says, and parsing the
          // header again would cost a regular-expression match per response.
          converted = delegate.convert(ResponseBody.create(body, null, body.size()));
        } catch (IOException | RuntimeException e) {
          String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          throw new MalformedBodyException(statusCode, detail, ErrorBodies.excerpt(head, excerptChars), e);
        }
        head.clear(); // returns its segment to Okio's pool
        return converted;
      } finally {
        // The parser may leave trailing whitespace, and closing Retrofit's wrapper of the body does
        // not clear the buffer it read into: without this, a segment per response (8 KiB) would be
        // dropped instead of going back to Okio's pool.
        source.getBuffer().clear();
        value.close();
      }
    }
  }
}
