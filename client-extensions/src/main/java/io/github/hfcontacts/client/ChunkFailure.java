package io.github.hfcontacts.client;

import java.util.Objects;

/**
 * Why one request (chunk) of a bulk operation produced no per-item results: the request failed
 * (HTTP error, network failure), its 2xx answer could not be matched to the items sent, or it was
 * not sent at all because an earlier chunk failed in a way that would fail every later one too.
 *
 * <p>Example: in {@code upsertAll} of 250 contacts where the second request met HTTP 500,
 * {@code chunkIndex()} is 1, {@code fromIndex()} 100, {@code toIndex()} 200, {@code exception()} a
 * {@link ServerException}, {@code sent()} {@code true} and {@code mayHaveBeenApplied()} {@code true}.
 *
 * <p>Which failures stop the remaining chunks: {@link AuthenticationException} (the credentials fail
 * every request), {@link RateLimitedException} (HappyFox blocks the account for 10 minutes; more
 * requests only fail), {@link NotFoundException} (the group does not exist) and an interrupt of the
 * calling thread. Every other failure affects only its own chunk.
 *
 * <p>Thread safety: immutable.
 */
public final class ChunkFailure {
  private final int chunkIndex;
  private final int fromIndex;
  private final int toIndex;
  private final HappyFoxException exception;
  private final boolean sent;
  private final boolean mayHaveBeenApplied;

  ChunkFailure(int chunkIndex, int fromIndex, int toIndex, HappyFoxException exception,
      boolean sent, boolean mayHaveBeenApplied) {
    this.chunkIndex = chunkIndex;
    this.fromIndex = fromIndex;
    this.toIndex = toIndex;
    this.exception = Objects.requireNonNull(exception, "exception");
    this.sent = sent;
    this.mayHaveBeenApplied = mayHaveBeenApplied;
  }

  /**
   * Returns the chunk's position among the requests, from 0.
   *
   * <p>Example: {@code 1} for the second request.
   *
   * @return the chunk index
   */
  public int chunkIndex() {
    return chunkIndex;
  }

  /**
   * Returns the index, in the caller's input, of the chunk's first item.
   *
   * <p>Example: {@code 100} for the second chunk of 100.
   *
   * @return the first index, inclusive
   */
  public int fromIndex() {
    return fromIndex;
  }

  /**
   * Returns the index, in the caller's input, after the chunk's last item.
   *
   * <p>Example: {@code 200} for the second chunk of 100.
   *
   * @return the last index, exclusive
   */
  public int toIndex() {
    return toIndex;
  }

  /**
   * Returns the typed failure: the request's own exception, a {@link MalformedResponseException}
   * when a 2xx answer did not match the items sent, or, for a chunk not sent, the failure that
   * stopped the operation.
   *
   * <p>Example: a {@link ValidationException} whose {@code fieldErrors()} explain a 400.
   *
   * @return the exception
   */
  public HappyFoxException exception() {
    return exception;
  }

  /**
   * Returns whether this chunk's request was sent.
   *
   * <p>Example: {@code false} for the chunks after one that met a 401.
   *
   * @return whether the request was sent
   */
  public boolean sent() {
    return sent;
  }

  /**
   * Returns whether HappyFox may have applied some or all of the chunk's items although no
   * per-item result says so: after a 5xx, a network failure once the request may have left, or an
   * unmatched 2xx answer. HappyFox has no idempotency key: look the items up before resending.
   *
   * <p>Example: {@code true} after HTTP 500; {@code false} after HTTP 400 or 429.
   *
   * @return whether the items' state is unknown
   */
  public boolean mayHaveBeenApplied() {
    return mayHaveBeenApplied;
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code ChunkFailure{#1 items 100..199: POST /api/1.1/json/users/ failed: HTTP 500}}
   */
  @Override
  public String toString() {
    return "ChunkFailure{#" + chunkIndex + " items " + fromIndex + ".." + (toIndex - 1)
        + (sent ? "" : " not sent") + ": " + exception.getMessage() + "}";
  }
}
