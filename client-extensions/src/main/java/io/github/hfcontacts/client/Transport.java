package io.github.hfcontacts.client;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.hfcontacts.client.internal.BufferingConverterFactory;
import io.github.hfcontacts.client.internal.Idempotency;
import io.github.hfcontacts.client.internal.Secrets;
import io.github.hfcontacts.client.internal.WatchdogShield;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * What the domain layer builds on: the configured {@link OkHttpClient} and base URL, a
 * {@link Retrofit} factory, and {@link #execute(Call)}, which runs one logical operation with the
 * rate budget, retries, the overall deadline and the mapping of every failure to a
 * {@link HappyFoxException}. Reached through {@code HappyFoxClient.transport()}.
 *
 * <p>Usage from the domain layer:
 * <pre>{@code
 * Transport transport = client.transport();
 * ContactsApi api = transport.retrofit(HappyFoxMoshi.create()).create(ContactsApi.class);
 * ContactPage page = transport.execute(api.listContacts(50, 1, null));
 * }</pre>
 *
 * <p>Time: deadlines and waits are measured on the {@link Ticker} (monotonic); the {@link Clock}
 * only reads {@code Retry-After} HTTP-dates. The deadline shortens an attempt's real network
 * timeout only when the ticker is {@link Ticker#system()}: with a test's fake ticker, fake time
 * never cuts a real call short.
 *
 * <p>Thread safety: safe for concurrent use; the rate budget is shared by all threads.
 */
final class Transport implements CallExecutor {
  /** Retrofit paths of the generated interfaces are relative, such as {@code users/}. */
  static final String API_PATH = "api/1.1/json/";

  private final OkHttpClient okHttpClient;
  private final HttpUrl baseUrl;
  private final RetryPolicy retryPolicy;
  private final RateBudget budget;
  private final Duration maxPermitHold;
  // Keeps Okio's watchdog thread asleep during attempts: due no later than the client's call, read
  // and write timeouts.
  private final WatchdogShield watchdogShield;
  private final Clock clock;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Duration callTimeout;
  private final Secrets secrets;
  private final HappyFoxLogger logger;
  private final AtomicBoolean closed = new AtomicBoolean();

  Transport(
      OkHttpClient okHttpClient,
      HttpUrl baseUrl,
      RetryPolicy retryPolicy,
      RateBudget budget,
      Clock clock,
      Ticker ticker,
      Sleeper sleeper,
      DoubleSupplier random,
      Duration callTimeout,
      Secrets secrets,
      HappyFoxLogger logger) {
    this.okHttpClient = okHttpClient;
    this.baseUrl = baseUrl;
    this.retryPolicy = retryPolicy;
    this.budget = budget;
    this.maxPermitHold = budget.maxPermitHold().orElse(null);
    this.watchdogShield = new WatchdogShield(Math.min(callTimeout.toNanos(),
        TimeUnit.MILLISECONDS.toNanos(Math.min(
            positiveOrMax(okHttpClient.readTimeoutMillis()),
            positiveOrMax(okHttpClient.writeTimeoutMillis())))));
    this.clock = clock;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.random = random;
    this.callTimeout = callTimeout;
    this.secrets = secrets;
    this.logger = logger;
  }

  /**
   * Returns the client's OkHttpClient: redirects off, OkHttp's own retries off, the configured
   * timeouts and interceptors (credentials, size cap, error-envelope detection, logging).
   */
  OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /** Returns the API base, ending with {@code /api/1.1/json/}. */
  HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Returns a new Retrofit over this client's OkHttpClient and base URL, converting with
   * {@code moshi}. Build it once per client and create the API interfaces from it; calls made with
   * those interfaces must be run through {@link #execute(Call)} to get retries and typed errors.
   *
   * @param moshi the Moshi holding the generated models' adapters
   * @return the Retrofit
   */
  Retrofit retrofit(Moshi moshi) {
    Objects.requireNonNull(moshi, "moshi");
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(okHttpClient)
        // First, so that it wraps Moshi: tells network failures from malformed bodies.
        .addConverterFactory(new BufferingConverterFactory(HappyFoxException.MAX_BODY_EXCERPT_CHARS))
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }

  /**
   * Runs a call as one logical operation and returns its converted body.
   *
   * @param call a call from an interface created by {@link #retrofit(Moshi)}, not yet executed
   * @param <T> the body type
   * @return the body, never null
   * @throws HappyFoxException or a subclass on any failure, including an empty 2xx body
   * @throws IllegalStateException if the client is closed
   */
  @Override
  public <T> T execute(Call<T> call) {
    return run(call, true, null).body();
  }

  @Override
  public <T> T execute(Call<T> call, int[] attempts) {
    return run(call, true, attempts).body();
  }

  /** A bulk chunk of idempotent items is sent at most as often as the policy retries one call. */
  @Override
  public int maxChunkRounds() {
    return retryPolicy.maxAttempts();
  }

  /** A bulk chunk gets the policy's total time, measured like every operation's deadline. */
  @Override
  public BooleanSupplier startChunkDeadline() {
    long deadline = deadlineFromNow();
    return () -> ticker.read() - deadline < 0;
  }

  /** The ticker reading at which the policy's total time, starting now, is up. */
  private long deadlineFromNow() {
    return ticker.read() + retryPolicy.maxTotalTime().toNanos();
  }

  /**
   * Runs a call as one logical operation, for endpoints whose answer does not matter (including
   * {@code Call<Void>} and 204 responses).
   *
   * @param call a call from an interface created by {@link #retrofit(Moshi)}, not yet executed
   * @throws HappyFoxException or a subclass on any failure
   * @throws IllegalStateException if the client is closed
   */
  void executeDiscardingBody(Call<?> call) {
    run(call, false, null);
  }

  void close() {
    closed.set(true);
    watchdogShield.close();
  }

  private <T> Response<T> run(Call<T> call, boolean bodyRequired, int[] attempts) {
    Objects.requireNonNull(call, "call");
    if (closed.get()) {
      throw new IllegalStateException("HappyFoxClient is closed");
    }
    Request request = call.request();
    String method = request.method();
    String path = request.url().encodedPath();
    // What may be sent again after an unknown outcome: reads, and writes the contract marks
    // idempotent (x-idempotent, or x-idempotent-when holding for this very body). Decided at the
    // first failure only, since checking a body's items reads a copy of it.
    Boolean replayable = null;
    long deadline = deadlineFromNow();
    boolean retried500 = false;
    int sent = 0;
    while (true) {
      Call<T> current = sent == 0 ? call : call.clone();
      RateBudget.Permit permit = acquirePermit(method, path, sent, deadline);
      boundTimeout(current, deadline);
      watchdogShield.cover();
      sent++;
      Outcome outcome;
      try {
        Response<T> response = executeHolding(permit, current);
        if (response.isSuccessful()) {
          if (bodyRequired && response.body() == null) {
            // 204/205, or a Call<Void>: the caller expected a body.
            throw Outcome.malformed(response.code(), "no body", null, null)
                .toException(method, path, sent, Idempotency.replayable(request), null, secrets);
          }
          if (attempts != null) {
            attempts[0] = sent;
          }
          return response;
        }
        outcome = Outcome.fromErrorResponse(response, clock.instant());
      } catch (IOException e) {
        outcome = Outcome.fromIOException(e);
      } catch (JsonDataException e) {
        // Only reached with a Retrofit not built by retrofit(Moshi), which buffers and wraps these.
        outcome = Outcome.malformed(-1, String.valueOf(e.getMessage()), null, e);
      }
      pauseBudgetOn429(outcome, method, path);

      if (replayable == null) {
        replayable = Idempotency.replayable(request);
      }
      Duration wait = retryWait(outcome, replayable, retried500, sent);
      String note = null;
      if (wait != null && sent >= retryPolicy.maxAttempts()) {
        wait = null;
      }
      if (wait != null && wait.toNanos() > deadline - ticker.read()) {
        note = "waiting " + Outcome.describe(wait) + " more would pass the "
            + Outcome.describe(retryPolicy.maxTotalTime()) + " deadline";
        wait = null;
      }
      HappyFoxException failure =
          outcome.toException(method, path, sent, replayable, note, secrets);
      if (wait == null) {
        throw failure;
      }
      if (outcome.status == 500) {
        retried500 = true;
      }
      log("retrying in " + Outcome.describe(wait) + " (attempt " + (sent + 1) + " of "
          + retryPolicy.maxAttempts() + "): " + failure.getMessage());
      sleep(wait, method, path, sent, failure);
      if (deadline - ticker.read() <= 0) {
        // A sleep may overrun its wait: no attempt starts once the deadline has passed.
        throw outcome.toException(method, path, sent, replayable, "the "
            + Outcome.describe(retryPolicy.maxTotalTime()) + " deadline passed while waiting",
            secrets);
      }
    }
  }

  /**
   * Returns how long to wait before retrying, or null when this outcome must not be retried.
   * {@code sent} is the number of attempts made so far; the backoff exponent is {@code sent - 1}.
   */
  private Duration retryWait(Outcome outcome, boolean idempotent, boolean retried500, int sent) {
    switch (outcome.kind) {
      case NETWORK:
        // A non-idempotent POST may be replayed only if it certainly never left: HappyFox has no
        // idempotency key.
        if ((idempotent || !outcome.mayHaveReachedServer) && outcome.isTransientNetworkFailure()) {
          return backoff(sent - 1);
        }
        return null;
      case STATUS:
        return statusRetryWait(outcome, idempotent, retried500, sent);
      default:
        return null;
    }
  }

  private Duration statusRetryWait(
      Outcome outcome, boolean idempotent, boolean retried500, int sent) {
    int status = outcome.status;
    if (status == 429) {
      // HappyFox refused the request without processing it: safe to repeat, GET or POST.
      return fitsRetryAfterCap(outcome.retryAfter);
    }
    if (!idempotent) {
      return null;
    }
    boolean retryable =
        status == 502 || status == 503 || status == 504 || (status == 500 && !retried500);
    if (!retryable) {
      return null;
    }
    if (outcome.retryAfter != null) {
      return fitsRetryAfterCap(outcome.retryAfter);
    }
    return backoff(sent - 1);
  }

  private Duration fitsRetryAfterCap(Duration wait) {
    return wait.compareTo(retryPolicy.maxRetryAfterWait()) <= 0 ? wait : null;
  }

  /** Full jitter: a uniform random wait up to min(maxDelay, baseDelay * 2^retryIndex). */
  private Duration backoff(int retryIndex) {
    long cap = retryPolicy.maxDelay().toNanos();
    long base = retryPolicy.baseDelay().toNanos();
    long exponential = retryIndex >= 30 ? cap : Math.min(cap, base << Math.min(retryIndex, 20));
    double fraction = random.getAsDouble();
    if (!(fraction >= 0.0)) {
      fraction = 0.0;
    } else if (fraction > 1.0) {
      fraction = 1.0;
    }
    return Duration.ofNanos((long) (fraction * exponential));
  }

  /**
   * Takes a permit from the budget, sleeping through the sleeper while it is spent or paused.
   * Throws instead of sleeping when the wait would pass the deadline, and when the budget cannot be
   * consulted: a request is never sent without a permit.
   */
  private RateBudget.Permit acquirePermit(String method, String path, int sent, long deadline) {
    RateBudget.Kind kind = RateBudget.Kind.of(method);
    while (true) {
      RateBudget.Acquisition acquisition;
      try {
        acquisition = budget.tryAcquire(kind);
      } catch (RuntimeException e) {
        throw budgetUnavailable(method, path, sent, e);
      }
      if (acquisition.isGranted()) {
        return acquisition.permit();
      }
      Duration wait = acquisition.waitAtLeast();
      long remaining = Math.max(0, deadline - ticker.read());
      String why = acquisition.isPaused()
          ? "the account's rate budget is paused after a 429 for "
          : "the rate budget has no " + kind + " slot for ";
      if (wait.toNanos() > remaining) {
        throw new RateLimitedException(
            method + " " + path + " failed: not sent, " + why + Outcome.describe(wait)
                + ", past the " + Outcome.describe(retryPolicy.maxTotalTime()) + " deadline",
            method, path, -1, null, sent, wait);
      }
      log("rate budget: waiting " + Outcome.describe(wait) + " before " + method + " " + path);
      sleep(wait, method, path, sent, null);
    }
  }

  /** Sends the attempt, closing its permit once the response or the failure has been seen. */
  private static <T> Response<T> executeHolding(RateBudget.Permit permit, Call<T> call)
      throws IOException {
    try {
      return Cancellation.execute(call); // an async cancel reaches the call
    } finally {
      permit.close();
    }
  }

  private static long positiveOrMax(int millis) {
    return millis > 0 ? millis : Long.MAX_VALUE / 1_000_000L;
  }

  /**
   * A 429 means the account is blocked: every client sharing the budget waits it out. If the
   * budget cannot record the pause, the 429 is still handled as usual, and the next attempt finds
   * the budget unavailable.
   */
  private void pauseBudgetOn429(Outcome outcome, String method, String path) {
    if (outcome.kind != Outcome.Kind.STATUS || outcome.status != 429) {
      return;
    }
    try {
      budget.pause(outcome.retryAfter);
    } catch (RuntimeException e) {
      log("rate budget: could not record the pause after the 429 of " + method + " " + path
          + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private RateBudgetUnavailableException budgetUnavailable(
      String method, String path, int sent, RuntimeException cause) {
    return new RateBudgetUnavailableException(
        secrets.scrub(method + " " + path + " failed: not sent, the rate budget is unavailable ("
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")"),
        method, path, sent, cause);
  }

  /**
   * Shrinks the attempt's call timeout so that it cannot outlast the operation's deadline (only
   * when the deadline is measured in real time, on the system ticker) nor the budget's longest
   * permit hold.
   */
  private void boundTimeout(Call<?> call, long deadline) {
    Duration bound = callTimeout;
    if (ticker == Ticker.system()) {
      Duration remaining = Duration.ofNanos(deadline - ticker.read());
      bound = remaining.compareTo(bound) < 0 ? remaining : bound;
    }
    if (maxPermitHold != null && maxPermitHold.compareTo(bound) < 0) {
      bound = maxPermitHold;
    }
    long nanos = Math.max(bound.toNanos(), TimeUnit.MILLISECONDS.toNanos(1));
    call.timeout().timeout(nanos, TimeUnit.NANOSECONDS);
  }

  private void sleep(
      Duration wait, String method, String path, int sent, HappyFoxException pending) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      HappyFoxException interrupted =
          new HappyFoxException(
              method + " " + path + " failed: interrupted while waiting "
                  + Outcome.describe(wait),
              method, path, -1, null, sent, secrets.scrub((Throwable) e));
      if (pending != null) {
        interrupted.addSuppressed(pending);
      }
      throw interrupted;
    }
  }

  private void log(String line) {
    if (logger != null) {
      logger.log(secrets.scrub(line));
    }
  }

  @Override
  public String toString() {
    return "Transport{" + baseUrl + "}";
  }
}
