package io.github.hfcontacts.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The request budget of one HappyFox account: hands out a {@link Permit} for every HTTP attempt so
 * that HappyFox never counts more requests of a method in a minute than its limit, whatever the
 * latency, the number of threads, clients or processes.
 *
 * <p><b>The invariant.</b> HappyFox counts requests when they <em>arrive</em>, and blocks the
 * account for 10 minutes after the first one over 500 GET or 300 POST in a minute. A request may
 * arrive at any instant between the moment it is handed to the socket and the moment its response
 * (or failure) is seen. A budget therefore guarantees: for every closed 60-second window of
 * arrival times, at most N requests of a {@link Kind} can have arrived inside it. The client takes
 * a permit before handing a request to the socket and closes it once the response or the failure
 * has been seen; the budget counts the request from the permit's grant until 60 s plus
 * {@link RateLimits#safetyMargin()} after its close, and a permit still open (a request in flight)
 * keeps its slot. Any window the server can observe then overlaps at most N counted requests.
 *
 * <p><b>Waiting.</b> {@link #tryAcquire(Kind)} never sleeps: it grants a permit or says how long
 * to wait at least. The client sleeps through its injected {@link Sleeper} and asks again, and
 * throws {@link RateLimitedException} without sleeping when the wait would pass the operation's
 * deadline ({@link RetryPolicy#maxTotalTime()}). Grants are not fair: under contention a waiting
 * thread may be overtaken by another.
 *
 * <p><b>Implementations.</b> {@link #inMemory(RateLimits)} counts exactly, in this JVM; the client
 * uses one per account by default (see {@link HappyFoxClient.Builder#rateBudget(RateBudget)}).
 * The optional {@code happyfox-contacts-ratelimit-bucket4j} module shares a budget between
 * processes through a Bucket4j store (Redis, a database, Hazelcast...).
 *
 * <p>Example: one budget for two clients of the same account that do not share a builder.
 * <pre>{@code
 * RateBudget budget = RateBudget.inMemory(RateLimits.defaults());
 * HappyFoxClient exports = builder.rateBudget(budget).build();
 * HappyFoxClient imports = HappyFoxClient.builder().account("acme")
 *     .credentials(apiKey, authCode).rateBudget(budget).build();
 * int pagesLeft = 40;
 * Duration eta = budget.estimatedWait(RateBudget.Kind.GET, pagesLeft);
 * }</pre>
 *
 * <p>Thread safety: implementations must be safe for concurrent use by any number of threads and
 * clients.
 */
public interface RateBudget {
  /**
   * Takes a slot for one request of {@code kind} now, or says how long to wait before asking
   * again. Never sleeps; an implementation backed by a remote store makes one round trip (or a
   * few).
   *
   * <p>Example:
   * <pre>{@code
   * RateBudget.Acquisition a = budget.tryAcquire(RateBudget.Kind.GET);
   * if (a.isGranted()) {
   *   try (RateBudget.Permit permit = a.permit()) {
   *     okHttpClient.newCall(request).execute().close(); // closed once the answer is seen
   *   }
   * } else {
   *   sleeper.sleep(a.waitAtLeast());
   * }
   * }</pre>
   *
   * @param kind the request's kind
   * @return a granted permit, or the wait before a slot can free
   * @throws RateBudgetUnavailableException if the budget cannot be consulted (its store is down);
   *     the request must then not be sent
   */
  Acquisition tryAcquire(Kind kind);

  /**
   * Stops granting permits of any kind for {@code duration} from now: called when HappyFox answers
   * 429 anyway (another tool spent the account's requests), so that every client sharing this
   * budget waits out the {@code Retry-After} instead of discovering the block one request at a
   * time. A shorter pause than one already in force changes nothing.
   *
   * <p>Example: {@code budget.pause(Duration.ofMinutes(10))} after a 429 without
   * {@code Retry-After}.
   *
   * @param duration zero or positive
   * @throws RateBudgetUnavailableException if the budget's store cannot be reached
   */
  void pause(Duration duration);

  /**
   * Estimates how long until the last of {@code requests} more requests of {@code kind} could be
   * granted, if each completed at once and nothing else used the budget: a lower bound, meant for
   * progress reports and ETAs, not for scheduling.
   *
   * <p>Example: with the defaults, an idle budget and {@code requests = 1200} GETs, about two
   * minutes and a few seconds (500 now, 500 after 61 s, 200 after 122 s).
   *
   * @param kind the requests' kind
   * @param requests how many requests are left; zero or less gives {@link Duration#ZERO}
   * @return the estimate, zero when they could all start now
   * @throws RateBudgetUnavailableException if the budget's store cannot be reached
   */
  Duration estimatedWait(Kind kind, long requests);

  /**
   * Returns the longest time a permit of this budget may stay open, if the budget's arithmetic
   * needs such a bound; the client then shortens each attempt's call timeout to it. Empty (the
   * default) when a permit may be held for any time, as with {@link #inMemory(RateLimits)}.
   *
   * <p>Example: {@code Optional.of(Duration.ofSeconds(60))} for the Bucket4j budget.
   *
   * @return the bound, or empty when there is none
   */
  default Optional<Duration> maxPermitHold() {
    return Optional.empty();
  }

  /**
   * Returns a new budget that counts exactly, in this JVM, on the {@linkplain Ticker#system()
   * system ticker}: a sliding log of slots, each held from its grant until 60 s plus
   * {@link RateLimits#safetyMargin()} after its permit is closed. It sustains
   * {@code limit × 60 s / (60 s + margin + latency)} requests per minute; with the defaults and
   * 50 ms of latency, 491 GET per minute (98.3 % of 500).
   *
   * <p>Example: {@code RateBudget.inMemory(RateLimits.of(250, 150))}.
   *
   * @param limits the limits; not {@link RateLimits#unlimited()} (use {@link #unlimited()})
   * @return a new budget, shared with nobody until given to clients
   * @throws IllegalArgumentException if {@code limits} are unlimited
   */
  static RateBudget inMemory(RateLimits limits) {
    return inMemory(limits, Ticker.system());
  }

  /**
   * Returns a new in-JVM budget like {@link #inMemory(RateLimits)}, on the given ticker; for tests
   * and simulations that fake time.
   *
   * <p>Example: {@code RateBudget.inMemory(RateLimits.defaults(), fakeTicker)}.
   *
   * @param limits the limits; not {@link RateLimits#unlimited()}
   * @param ticker the time source of its slots
   * @return a new budget
   * @throws IllegalArgumentException if {@code limits} are unlimited
   */
  static RateBudget inMemory(RateLimits limits, Ticker ticker) {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(ticker, "ticker");
    if (limits.isUnlimited()) {
      throw new IllegalArgumentException(
          "limits must not be unlimited for an in-memory budget; use RateBudget.unlimited()");
    }
    return new InMemoryRateBudget(limits, RateLimits.WINDOW, ticker);
  }

  /**
   * Returns the budget that grants every request at once and ignores pauses: what a client with
   * {@link RateLimits#unlimited()} uses, for tests against a local mock.
   *
   * <p>Example: {@code RateBudget.unlimited().tryAcquire(Kind.POST).isGranted()} is always true.
   *
   * @return the unlimited budget, always the same instance
   */
  static RateBudget unlimited() {
    return UnlimitedRateBudget.INSTANCE;
  }

  /**
   * The two budgets HappyFox keeps per account.
   *
   * <p>Example: {@code Kind.of("HEAD")} is {@link #GET}; {@code Kind.of("PUT")} is {@link #POST}.
   */
  enum Kind {
    /** GET and HEAD requests: 500 per minute by default. */
    GET,
    /** POST and every other method: 300 per minute by default. */
    POST;

    /**
     * Returns the kind an HTTP method is counted as.
     *
     * <p>Example: {@code Kind.of("get")} is {@link #GET}.
     *
     * @param method an HTTP method, any case
     * @return {@link #GET} for GET and HEAD, {@link #POST} otherwise
     */
    public static Kind of(String method) {
      String upper = method.toUpperCase(Locale.ROOT);
      return upper.equals("GET") || upper.equals("HEAD") ? GET : POST;
    }
  }

  /**
   * A granted slot for one request. Close it once the response or the failure has been seen (in a
   * {@code finally}, or with try-with-resources): the budget counts the request until a minute
   * after that. A permit never closed keeps its slot for good.
   *
   * <p>Example: {@code try (RateBudget.Permit permit = acquisition.permit()) { call.execute(); }}.
   *
   * <p>Thread safety: {@link #close()} may be called from any thread; calls after the first do
   * nothing.
   */
  interface Permit extends AutoCloseable {
    /**
     * Marks the request complete now. Idempotent; never throws (a budget whose store cannot be
     * reached keeps the slot, which errs on the safe side).
     *
     * <p>Example: called in the {@code finally} after {@code call.execute()}.
     */
    @Override
    void close();
  }

  /**
   * The answer of {@link RateBudget#tryAcquire(Kind)}: a granted {@link Permit}, or the wait
   * before asking again, which may be a {@linkplain #isPaused() pause} after a 429.
   *
   * <p>Example: {@code Acquisition.denied(Duration.ofSeconds(3))} from an implementation whose
   * next slot frees in 3 s.
   *
   * <p>Thread safety: immutable.
   */
  final class Acquisition {
    private final Permit permit;
    private final Duration wait;
    private final boolean paused;

    private Acquisition(Permit permit, Duration wait, boolean paused) {
      this.permit = permit;
      this.wait = wait;
      this.paused = paused;
    }

    /**
     * Returns a granted acquisition.
     *
     * <p>Example: {@code Acquisition.granted(() -> {})} for a budget with nothing to release.
     *
     * @param permit the permit to close after the request
     * @return the acquisition
     */
    public static Acquisition granted(Permit permit) {
      return new Acquisition(Objects.requireNonNull(permit, "permit"), Duration.ZERO, false);
    }

    /**
     * Returns a refusal because the budget is spent.
     *
     * <p>Example: {@code Acquisition.denied(Duration.ofMillis(250))}.
     *
     * @param waitAtLeast the time before a slot can free; positive
     * @return the acquisition
     * @throws IllegalArgumentException if {@code waitAtLeast} is zero or negative
     */
    public static Acquisition denied(Duration waitAtLeast) {
      return new Acquisition(null, checkWait(waitAtLeast), false);
    }

    /**
     * Returns a refusal because the budget is {@linkplain RateBudget#pause(Duration) paused} after
     * a 429.
     *
     * <p>Example: {@code Acquisition.paused(Duration.ofMinutes(9))}.
     *
     * @param waitAtLeast the time left in the pause; positive
     * @return the acquisition
     * @throws IllegalArgumentException if {@code waitAtLeast} is zero or negative
     */
    public static Acquisition paused(Duration waitAtLeast) {
      return new Acquisition(null, checkWait(waitAtLeast), true);
    }

    /**
     * Returns whether a permit was granted.
     *
     * <p>Example: {@code false} for {@code Acquisition.denied(Duration.ofSeconds(1))}.
     *
     * @return true when {@link #permit()} may be called
     */
    public boolean isGranted() {
      return permit != null;
    }

    /**
     * Returns the granted permit.
     *
     * <p>Example: {@code try (Permit p = acquisition.permit()) { ... }}.
     *
     * @return the permit
     * @throws IllegalStateException if the acquisition was refused
     */
    public Permit permit() {
      if (permit == null) {
        throw new IllegalStateException("no permit: the acquisition was refused; wait "
            + waitAtLeast() + " and ask again");
      }
      return permit;
    }

    /**
     * Returns the least time to wait before asking again.
     *
     * <p>Example: {@link Duration#ZERO} when granted.
     *
     * @return the wait, zero when granted
     */
    public Duration waitAtLeast() {
      return wait;
    }

    /**
     * Returns whether the refusal is a pause after a 429 rather than a spent budget.
     *
     * <p>Example: {@code true} for {@code Acquisition.paused(Duration.ofMinutes(1))}.
     *
     * @return true for a pause
     */
    public boolean isPaused() {
      return paused;
    }

    /**
     * Describes the acquisition.
     *
     * <p>Example: {@code Acquisition{granted}}, {@code Acquisition{denied, wait PT0.25S}}.
     */
    @Override
    public String toString() {
      return isGranted()
          ? "Acquisition{granted}"
          : "Acquisition{" + (paused ? "paused" : "denied") + ", wait " + wait + "}";
    }

    private static Duration checkWait(Duration wait) {
      Objects.requireNonNull(wait, "waitAtLeast");
      if (wait.isNegative() || wait.isZero()) {
        throw new IllegalArgumentException("waitAtLeast must be positive but was " + wait);
      }
      return wait;
    }
  }
}
