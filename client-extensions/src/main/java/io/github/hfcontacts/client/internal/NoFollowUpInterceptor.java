package io.github.hfcontacts.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that stops OkHttp from repeating a request by itself after
 * {@code 503 Service Unavailable} with {@code Retry-After: 0}. Not API.
 *
 * <p>Why: OkHttp follows up such a response with the same request once, whatever the method and
 * even with {@code retryOnConnectionFailure(false)}; for a POST that is a silent replay of a write
 * HappyFox may have applied. The header is moved to {@link #DEFERRED_RETRY_AFTER}, which OkHttp
 * ignores and the client's own retry logic reads.
 *
 * <p>Thread safety: stateless.
 */
public final class NoFollowUpInterceptor implements Interceptor {
  /** Where a {@code Retry-After} that OkHttp would act on is kept instead. */
  public static final String DEFERRED_RETRY_AFTER = "X-HappyFox-Client-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() != 503) {
      return response;
    }
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null || !retryAfter.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return response;
    }
    return response.newBuilder()
        .removeHeader("Retry-After")
        .header(DEFERRED_RETRY_AFTER, retryAfter)
        .build();
  }
}
