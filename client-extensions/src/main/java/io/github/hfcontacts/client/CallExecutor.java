package io.github.hfcontacts.client;

import retrofit2.Call;

/**
 * Runs one Retrofit call as one logical operation (rate limiting, retries, error mapping) and
 * returns its body. The domain services depend on this seam rather than on the transport itself,
 * so that they can be exercised with any executor; the client wires it to its transport.
 */
@FunctionalInterface
interface CallExecutor {
  /**
   * Runs {@code call} and returns its non-null body.
   *
   * @throws HappyFoxException or a subclass on any failure
   */
  <T> T execute(Call<T> call);
}
