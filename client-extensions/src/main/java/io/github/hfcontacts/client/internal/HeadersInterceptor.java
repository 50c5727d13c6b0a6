package io.github.hfcontacts.client.internal;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Adds {@code Authorization} (HTTP Basic), {@code User-Agent} and {@code Accept} to every request.
 * Not API.
 *
 * <p>It can also drop Retrofit's {@link Invocation} tag from the request it passes on. The
 * transport reads that tag from the call's own request, before this interceptor; past it, only a
 * network interceptor of an application's own OkHttpClient could. Carried along, the tag makes
 * every later copy of the request (OkHttp makes one more) copy a map: about 0.6 KB per call.
 *
 * <p>Thread safety: immutable.
 */
public final class HeadersInterceptor implements Interceptor {
  private static final String ACCEPT = "application/json";

  private final HttpUrl baseUrl;
  private final String authorization;
  private final String userAgent;
  private final boolean dropInvocationTag;
  // The headers of a request that has none of its own, to HappyFox or elsewhere.
  private final Headers withCredentials;
  private final Headers withoutCredentials;

  /**
   * Creates the interceptor.
   *
   * @param baseUrl the API base; credentials go only to its scheme, host and port
   * @param authorization the complete {@code Authorization} header value
   * @param userAgent the {@code User-Agent} header value
   * @param dropInvocationTag whether to drop Retrofit's {@link Invocation} tag: true unless the
   *     OkHttpClient has network interceptors of its own, which may read it
   */
  public HeadersInterceptor(
      HttpUrl baseUrl, String authorization, String userAgent, boolean dropInvocationTag) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.userAgent = userAgent;
    this.dropInvocationTag = dropInvocationTag;
    this.withoutCredentials = new Headers.Builder()
        .add("User-Agent", userAgent)
        .add("Accept", ACCEPT)
        .build();
    this.withCredentials = withoutCredentials.newBuilder()
        .add("Authorization", authorization)
        .build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    // The OkHttpClient may be shared with code calling other hosts: the credentials go only to the
    // configured HappyFox origin.
    HttpUrl url = request.url();
    boolean toHappyFox = url.scheme().equals(baseUrl.scheme())
        && url.host().equals(baseUrl.host())
        && url.port() == baseUrl.port();
    Request.Builder builder = request.newBuilder();
    if (request.headers().size() == 0) {
      // What the generated GETs send: headers made and checked once, with the interceptor.
      builder.headers(toHappyFox ? withCredentials : withoutCredentials);
    } else {
      builder.header("User-Agent", userAgent);
      if (request.header("Accept") == null) {
        builder.header("Accept", ACCEPT);
      }
      if (toHappyFox) {
        builder.header("Authorization", authorization);
      }
    }
    if (dropInvocationTag) {
      builder.tag(Invocation.class, null);
    }
    return chain.proceed(builder.build());
  }

  /** Never shows the credentials. */
  @Override
  public String toString() {
    return "HeadersInterceptor{" + baseUrl.host() + ", Authorization=" + Secrets.MASK + "}";
  }
}
