package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import okhttp3.Request;
import retrofit2.Call;

/**
 * Splits a bulk operation into requests of at most {@link #CHUNK_SIZE} items and turns every
 * request's outcome into per-item results, so that a failed request never hides the others.
 *
 * <p>A chunk whose outcome is unknown (a network failure once the request may have left, a 5xx,
 * an answer that does not match the items) is not left at that. Its items that may be sent again
 * (idempotent ones, see {@link ChunkSpec#replayable}) are sent again, as one request, up to the
 * retry policy's number of attempts and only while the chunk's deadline (the policy's total time,
 * from the chunk's first request) has not passed; each of those requests also gets the transport's
 * own retries. What is still unknown then is read back ({@link ChunkSpec#readBack}): an item found
 * applied succeeds, one found not applied fails with that as its definite cause, and only an item
 * whose read-back failed too stays "may have been applied". Items that must not be sent twice are
 * never re-sent.
 */
final class BulkRunner {
  /** HappyFox's documented maximum of items per bulk request. */
  static final int CHUNK_SIZE = 100;

  /** How one kind of bulk request is made, how its answer maps to items, and how to check them. */
  interface ChunkSpec<I, B> {
    /** The request for {@code chunk} (not yet executed). */
    Call<B> call(List<I> chunk);

    /**
     * One result per item of {@code chunk}, in order, indexed from 0 (the runner sets each
     * result's index in the caller's input).
     *
     * @throws Mismatch if the answer cannot be matched to the items sent
     */
    List<ItemResult<I>> results(List<I> chunk, B body) throws Mismatch;

    /** Whether sending {@code item} twice leaves HappyFox as sending it once. */
    boolean replayable(I item);

    /**
     * Reads back, for items sent by a request whose outcome is unknown, whether HappyFox holds
     * them as sent: one verdict per item, in order.
     *
     * @throws HappyFoxException if the reading fails as a whole
     */
    List<Verdict> readBack(List<I> items);

    /**
     * The result of an item in the answer to a request sent again: by default as answered. An
     * operation whose answer to a repeat differs from its answer to the first request (a removal
     * answers "not part of the group" for what the first request removed) adjusts it here.
     */
    default ItemResult<I> afterResend(ItemResult<I> result) {
      return result;
    }
  }

  /** A 2xx answer that does not fit the request; never assigned to items by guesswork. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  /** What reading an item back showed. */
  static final class Verdict {
    final boolean known;
    final boolean applied;
    final Long id;
    /** What differs, or why the item could not be read back; null when applied. */
    final String detail;

    private Verdict(boolean known, boolean applied, Long id, String detail) {
      this.known = known;
      this.applied = applied;
      this.id = id;
      this.detail = detail;
    }

    /** HappyFox holds the item as it was sent. */
    static Verdict applied(Long id) {
      return new Verdict(true, true, id, null);
    }

    /** HappyFox does not hold the item as it was sent; {@code detail} says what differs. */
    static Verdict notApplied(String detail) {
      return new Verdict(true, false, null, detail);
    }

    /** The item could not be read back. */
    static Verdict unknown(String detail) {
      return new Verdict(false, false, null, detail);
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
        ChunkFailure notSent = new ChunkFailure(chunkIndex, from, to, stop, false, false);
        failures.add(notSent);
        for (int i = 0; i < chunk.size(); i++) {
          results.add(ItemResult.chunkFailed(from + i, chunk.get(i), notSent));
        }
        continue;
      }
      Chunk<I, B> run = new Chunk<>(chunkIndex, from, chunk, executor, spec);
      stop = run.run();
      results.addAll(run.results());
      failures.addAll(run.failures);
    }
    return new BulkResult<>(results, failures);
  }

  /** One chunk: its requests, re-sends and read-backs. */
  private static final class Chunk<I, B> {
    private final int chunkIndex;
    private final int from;
    private final List<I> items;
    private final CallExecutor executor;
    private final ChunkSpec<I, B> spec;
    private final List<ItemResult<I>> results;
    private final List<ChunkFailure> failures = new ArrayList<>();

    Chunk(int chunkIndex, int from, List<I> items, CallExecutor executor, ChunkSpec<I, B> spec) {
      this.chunkIndex = chunkIndex;
      this.from = from;
      this.items = items;
      this.executor = executor;
      this.spec = spec;
      this.results = new ArrayList<>(Collections.nCopies(items.size(), null));
    }

    List<ItemResult<I>> results() {
      return results;
    }

    /** Runs the chunk to a result for every item; returns a failure that stops the operation. */
    HappyFoxException run() {
      BooleanSupplier timeLeft = executor.startChunkDeadline();
      int rounds = Math.max(1, executor.maxChunkRounds());
      List<Integer> pending = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        pending.add(i);
      }
      for (int round = 1; ; round++) {
        List<I> sending = select(pending);
        Call<B> call = spec.call(sending);
        HappyFoxException failure;
        try {
          int[] attempts = {1};
          B body = executor.execute(call, attempts);
          List<ItemResult<I>> answered = spec.results(sending, body);
          if (answered.size() != sending.size()) {
            throw new Mismatch(answered.size() + " results for " + sending.size() + " items");
          }
          for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k);
            ItemResult<I> result = answered.get(k).withIndex(from + i);
            boolean repeated = round > 1 || attempts[0] > 1;
            results.set(i, repeated ? spec.afterResend(result) : result);
          }
          return null;
        } catch (HappyFoxException e) {
          failure = e;
        } catch (Mismatch e) {
          failure = mismatch(call, sending.size(), e);
        }

        if (!mayHaveBeenApplied(failure)) {
          // Definite for this request; an earlier one of the same items may still have applied.
          fail(pending, failure, round > 1, null);
          return stopsTheRest(failure) ? failure : null;
        }
        List<Integer> replayable = new ArrayList<>();
        List<Integer> once = new ArrayList<>();
        for (int i : pending) {
          (spec.replayable(items.get(i)) ? replayable : once).add(i);
        }
        fail(once, failure, true, null);
        if (replayable.isEmpty()) {
          return stopsTheRest(failure) ? failure : null;
        }
        if (stopsTheRest(failure)) {
          fail(replayable, failure, true, null);
          return failure;
        }
        pending = replayable;
        if (round < rounds && timeLeft.getAsBoolean()) {
          continue;
        }
        reconcile(pending, failure, timeLeft);
        return null;
      }
    }

    private List<I> select(List<Integer> indices) {
      List<I> selected = new ArrayList<>(indices.size());
      for (int i : indices) {
        selected.add(items.get(i));
      }
      return Collections.unmodifiableList(selected);
    }

    /** Reads back items whose last request's outcome is unknown, and settles each. */
    private void reconcile(List<Integer> pending, HappyFoxException failure,
        BooleanSupplier timeLeft) {
      List<Verdict> verdicts;
      if (!timeLeft.getAsBoolean()) {
        verdicts = Collections.nCopies(pending.size(), Verdict.unknown("no time left to read back"));
      } else {
        try {
          verdicts = spec.readBack(select(pending));
          if (verdicts.size() != pending.size()) {
            verdicts = Collections.nCopies(pending.size(), Verdict.unknown("read back incomplete"));
          }
        } catch (HappyFoxException e) {
          verdicts = Collections.nCopies(pending.size(),
              Verdict.unknown("reading back failed: " + e.getMessage()));
        }
      }
      List<Integer> notApplied = new ArrayList<>();
      List<String> notAppliedWhy = new ArrayList<>();
      List<Integer> unknown = new ArrayList<>();
      List<String> unknownWhy = new ArrayList<>();
      for (int k = 0; k < pending.size(); k++) {
        int i = pending.get(k);
        Verdict verdict = verdicts.get(k);
        if (verdict.known && verdict.applied) {
          results.set(i, ItemResult.succeeded(from + i, items.get(i), verdict.id,
              "applied, as read back after: " + failure.getMessage()));
        } else if (verdict.known) {
          notApplied.add(i);
          notAppliedWhy.add(verdict.detail);
        } else {
          unknown.add(i);
          unknownWhy.add(verdict.detail);
        }
      }
      fail(notApplied, failure, false, notAppliedWhy);
      fail(unknown, failure, true, unknownWhy);
    }

    /**
     * Records {@code indices} as failed with {@code failure}: one {@link ChunkFailure} for them,
     * and per item the read-back finding, if any.
     */
    private void fail(List<Integer> indices, HappyFoxException failure,
        boolean mayHaveBeenApplied, List<String> findings) {
      if (indices.isEmpty()) {
        return;
      }
      ChunkFailure chunkFailure = new ChunkFailure(chunkIndex, from, from + items.size(), failure,
          true, mayHaveBeenApplied);
      failures.add(chunkFailure);
      for (int k = 0; k < indices.size(); k++) {
        int i = indices.get(k);
        String finding = findings == null ? null
            : (mayHaveBeenApplied ? "outcome unknown: " : "not applied, as read back: ")
                + findings.get(k);
        results.set(i, ItemResult.chunkFailed(from + i, items.get(i), chunkFailure, finding));
      }
    }
  }

  private static MalformedResponseException mismatch(Call<?> call, int size, Mismatch e) {
    Request request = call.request();
    String method = request.method();
    String path = request.url().encodedPath();
    return new MalformedResponseException(
        method + " " + path + " failed: the answer does not match the " + size
            + " items sent (" + e.getMessage() + "); no item result was assigned",
        method, path, -1, null, 1, null);
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
