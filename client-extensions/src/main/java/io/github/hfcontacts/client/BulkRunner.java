package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.Request;
import retrofit2.Call;

/**
 * Splits a bulk operation into requests of at most {@link #CHUNK_SIZE} items and turns every
 * request's outcome into per-item results, so that a failed request never hides the others.
 */
final class BulkRunner {
  /** HappyFox's documented maximum of items per bulk request. */
  static final int CHUNK_SIZE = 100;

  /** How one kind of bulk request is made and how its answer maps to items. */
  interface ChunkSpec<I, B> {
    /** The request for {@code chunk} (not yet executed). */
    Call<B> call(List<I> chunk);

    /**
     * One result per item of {@code chunk}, in order; {@code offset} is the index of the chunk's
     * first item in the caller's input.
     *
     * @throws Mismatch if the answer cannot be matched to the items sent
     */
    List<ItemResult<I>> results(int offset, List<I> chunk, B body) throws Mismatch;
  }

  /** A 2xx answer that does not fit the request; never assigned to items by guesswork. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  private BulkRunner() {}

  static <I, B> BulkResult<I> run(List<I> inputs, CallExecutor executor, ChunkSpec<I, B> spec) {
    List<ItemResult<I>> results = new ArrayList<>(inputs.size());
    List<ChunkFailure> failures = new ArrayList<>();
    HappyFoxException stop = null;
    int chunkIndex = 0;
    for (int from = 0; from < inputs.size(); from += CHUNK_SIZE, chunkIndex++) {
      int to = Math.min(inputs.size(), from + CHUNK_SIZE);
      List<I> chunk = Collections.unmodifiableList(new ArrayList<>(inputs.subList(from, to)));
      if (stop != null) {
        fail(results, failures, new ChunkFailure(chunkIndex, from, to, stop, false, false), chunk,
            from);
        continue;
      }
      Call<B> call = spec.call(chunk);
      B body;
      try {
        body = executor.execute(call);
      } catch (HappyFoxException e) {
        fail(results, failures,
            new ChunkFailure(chunkIndex, from, to, e, true, mayHaveBeenApplied(e)), chunk, from);
        if (stopsTheRest(e)) {
          stop = e;
        }
        continue;
      }
      try {
        List<ItemResult<I>> chunkResults = spec.results(from, chunk, body);
        if (chunkResults.size() != chunk.size()) {
          throw new Mismatch(chunkResults.size() + " results for " + chunk.size() + " items");
        }
        results.addAll(chunkResults);
      } catch (Mismatch e) {
        Request request = call.request();
        String method = request.method();
        String path = request.url().encodedPath();
        MalformedResponseException malformed = new MalformedResponseException(
            method + " " + path + " failed: the answer does not match the " + chunk.size()
                + " items sent (" + e.getMessage() + "); no item result was assigned",
            method, path, -1, null, 1, null);
        fail(results, failures, new ChunkFailure(chunkIndex, from, to, malformed, true, true),
            chunk, from);
      }
    }
    return new BulkResult<>(results, failures);
  }

  private static <I> void fail(List<ItemResult<I>> results, List<ChunkFailure> failures,
      ChunkFailure failure, List<I> chunk, int from) {
    failures.add(failure);
    for (int i = 0; i < chunk.size(); i++) {
      results.add(ItemResult.chunkFailed(from + i, chunk.get(i), failure));
    }
  }

  /** Failures that every later request would meet too, or that the caller asked to stop on. */
  private static boolean stopsTheRest(HappyFoxException e) {
    return e instanceof AuthenticationException
        || e instanceof RateLimitedException
        || e instanceof NotFoundException
        || e.getClass() == HappyFoxException.class // interrupted while waiting
        || Thread.currentThread().isInterrupted();
  }

  private static boolean mayHaveBeenApplied(HappyFoxException e) {
    if (e instanceof ValidationException || e instanceof AuthenticationException
        || e instanceof RateLimitedException || e instanceof NotFoundException) {
      return false;
    }
    if (e instanceof NetworkException) {
      return ((NetworkException) e).requestMayHaveReachedServer();
    }
    if (e.getClass() == HappyFoxException.class) {
      return e.attempts() > 0;
    }
    return true;
  }
}
