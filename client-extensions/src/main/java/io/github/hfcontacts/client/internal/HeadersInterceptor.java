package io.github.hfcontacts.client.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization} (HTTP Basic), {@code User-Agent} and {@code Accept} to every request.
 * Not API.
 *
 * <p>Thread safety: immutable.
 */
public final class HeadersInterceptor implements Interceptor {
  private final HttpUrl baseUrl;
  private final String authorization;
  private final String userAgent;

  /**
   * Creates the interceptor.
   *
   * @param baseUrl the API base; credentials go only to its scheme, host and port
   * @param authorization the complete {@code Authorization} header value
   * @param userAgent the {@code User-Agent} header value
   */
  public HeadersInterceptor(HttpUrl baseUrl, String authorization, String userAgent) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder().header("User-Agent", userAgent);
    if (request.header("Accept") == null) {
      builder.header("Accept", "application/json");
    }
    // The OkHttpClient may be shared with code calling other hosts: the credentials go only to the
    // configured HappyFox origin.
    HttpUrl url = request.url();
    if (url.scheme().equals(baseUrl.scheme())
        && url.host().equals(baseUrl.host())
        && url.port() == baseUrl.port()) {
      builder.header("Authorization", authorization);
    }
    return chain.proceed(builder.build());
  }

  /** Never shows the credentials. */
  @Override
  public String toString() {
    return "HeadersInterceptor{" + baseUrl.host() + ", Authorization=" + Secrets.MASK + "}";
  }
}
