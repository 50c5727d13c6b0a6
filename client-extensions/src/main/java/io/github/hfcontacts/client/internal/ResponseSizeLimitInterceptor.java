package io.github.hfcontacts.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Caps response bodies: fails at once when {@code Content-Length} announces more than the cap, and
 * while reading when the stream goes past it. Neither OkHttp nor Retrofit has such a cap, and
 * Retrofit buffers whole error bodies in memory. Not API.
 *
 * <p>Thread safety: safe for concurrent use (the one remembered media type is replaced whole).
 */
public final class ResponseSizeLimitInterceptor implements Interceptor {
  private final long maxBytes;
  // Retrofit asks every response body for its media type, and OkHttp's body parses the header
  // with a regular expression each time; an API answers with one Content-Type, so the last one
  // parsed is kept.
  private volatile ContentType lastContentType;

  /**
   * Creates the interceptor.
   *
   * @param maxBytes the largest body accepted, in bytes
   */
  public ResponseSizeLimitInterceptor(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    // A HEAD response announces the length of a body it does not carry.
    if (body == null || chain.request().method().equals("HEAD")) {
      return response;
    }
    long announced = body.contentLength();
    if (announced > maxBytes) {
      response.close();
      throw new ResponseTooLargeException(response.code(), maxBytes, announced);
    }
    LimitedBody limited =
        new LimitedBody(body, contentType(response.header("Content-Type")), response.code(), maxBytes);
    return response.newBuilder().body(limited).build();
  }

  /** The media type a {@code Content-Type} header names, as OkHttp's own bodies report it. */
  private MediaType contentType(String header) {
    if (header == null) {
      return null;
    }
    ContentType last = lastContentType;
    if (last != null && last.header.equals(header)) {
      return last.mediaType;
    }
    MediaType parsed = MediaType.parse(header);
    lastContentType = new ContentType(header, parsed);
    return parsed;
  }

  private static final class ContentType {
    final String header;
    final MediaType mediaType;

    ContentType(String header, MediaType mediaType) {
      this.header = header;
      this.mediaType = mediaType;
    }
  }

  private static final class LimitedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final MediaType contentType;
    // One buffered source for the body's lifetime: a peek by an outer interceptor and the later
    // read by the converter must see the same buffer.
    private final BufferedSource source;

    LimitedBody(ResponseBody delegate, MediaType contentType, int statusCode, long maxBytes) {
      this.delegate = delegate;
      this.contentType = contentType;
      this.source = Okio.buffer(new LimitedSource(delegate.source(), statusCode, maxBytes));
    }

    @Override
    public MediaType contentType() {
      return contentType;
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }

  private static final class LimitedSource extends ForwardingSource {
    private final int statusCode;
    private final long maxBytes;
    private long total;

    LimitedSource(Source delegate, int statusCode, long maxBytes) {
      super(delegate);
      this.statusCode = statusCode;
      this.maxBytes = maxBytes;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, byteCount);
      if (read > 0) {
        total += read;
        if (total > maxBytes) {
          throw new ResponseTooLargeException(statusCode, maxBytes, -1);
        }
      }
      return read;
    }
  }
}
