package io.github.hfcontacts.client;

import java.util.function.BooleanSupplier;
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

  /**
   * Like {@link #execute(Call)}, also storing in {@code attempts[0]} how many requests it took
   * (more than one when the call was retried).
   */
  default <T> T execute(Call<T> call, int[] attempts) {
    attempts[0] = 1;
    return execute(call);
  }

  /**
   * How many requests a bulk chunk of idempotent items may take when their outcome stays unknown:
   * the retry policy's attempts. One (no re-send) unless the executor says otherwise.
   */
  default int maxChunkRounds() {
    return 1;
  }

  /**
   * Starts the deadline of one bulk chunk (its requests, re-sends and read-backs): the returned
   * supplier answers whether time is left. Unbounded unless the executor says otherwise.
   */
  default BooleanSupplier startChunkDeadline() {
    return () -> true;
  }
}
