package io.github.hfcontacts.client.internal;

/**
 * Hands the status of a 2xx response from {@link ErrorEnvelopeInterceptor} to
 * {@link BufferingConverterFactory}, so that a malformed-body failure can name its status.
 *
 * <p>Why a thread-local: Retrofit gives a converter the body only, not the response. OkHttp runs
 * application interceptors and Retrofit runs the converter on the same thread for one call (the
 * caller's for {@code execute()}, a dispatcher thread for {@code enqueue()}), and the interceptor
 * sets the value for every 2xx response before its body can be converted, so a stale value is never
 * read.
 */
final class SuccessStatus {
  private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[] {-1});

  private SuccessStatus() {}

  static void set(int statusCode) {
    CURRENT.get()[0] = statusCode;
  }

  static int take() {
    int[] holder = CURRENT.get();
    int statusCode = holder[0];
    holder[0] = -1;
    return statusCode;
  }
}
