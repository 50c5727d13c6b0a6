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
 * <p>Thread safety: immutable.
 */
public final class ResponseSizeLimitInterceptor implements Interceptor {
  private final long maxBytes;

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
    return response.newBuilder().body(new LimitedBody(body, response.code(), maxBytes)).build();
  }

  private static final class LimitedBody extends ResponseBody {
    private final ResponseBody delegate;
    // One buffered source for the body's lifetime: a peek by an outer interceptor and the later
    // read by the converter must see the same buffer.
    private final BufferedSource source;

    LimitedBody(ResponseBody delegate, int statusCode, long maxBytes) {
      this.delegate = delegate;
      this.source = Okio.buffer(new LimitedSource(delegate.source(), statusCode, maxBytes));
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
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
