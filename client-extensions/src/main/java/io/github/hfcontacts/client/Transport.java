package io.github.hfcontacts.client;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.hfcontacts.client.internal.BufferingConverterFactory;
import io.github.hfcontacts.client.internal.RateLimiter;
import io.github.hfcontacts.client.internal.Secrets;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * rate limiter, retries, the overall deadline and the mapping of every failure to a
 * {@link HappyFoxException}. Reached through {@code HappyFoxClient.transport()}.
 *
 * <p>Usage from the domain layer:
 * <pre>{@code
 * Transport transport = client.transport();
 * ContactsApi api = transport.retrofit(HappyFoxMoshi.create()).create(ContactsApi.class);
 * ContactPage page = transport.execute(api.listContacts(50, 1, null));
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use; the rate limiter is shared by all threads.
 */
final class Transport {
  /** Retrofit paths of the generated interfaces are relative, such as {@code users/}. */
  static final String API_PATH = "api/1.1/json/";

  private final OkHttpClient okHttpClient;
  private final HttpUrl baseUrl;
  private final RetryPolicy retryPolicy;
  private final RateLimits rateLimits;
  private final RateLimiter getLimiter;
  private final RateLimiter postLimiter;
  private final Clock clock;
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
      RateLimits rateLimits,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random,
      Duration callTimeout,
      Secrets secrets,
      HappyFoxLogger logger) {
    this.okHttpClient = okHttpClient;
    this.baseUrl = baseUrl;
    this.retryPolicy = retryPolicy;
    this.rateLimits = rateLimits;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.callTimeout = callTimeout;
    this.secrets = secrets;
    this.logger = logger;
    Duration minute = Duration.ofMinutes(1);
    this.getLimiter =
        rateLimits.isUnlimited() ? null : new RateLimiter(rateLimits.getsPerMinute(), minute, clock);
    this.postLimiter =
        rateLimits.isUnlimited() ? null : new RateLimiter(rateLimits.postsPerMinute(), minute, clock);
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
  <T> T execute(Call<T> call) {
    return run(call, true).body();
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
    run(call, false);
  }

  void close() {
    closed.set(true);
  }

  private <T> Response<T> run(Call<T> call, boolean bodyRequired) {
    Objects.requireNonNull(call, "call");
    if (closed.get()) {
      throw new IllegalStateException("HappyFoxClient is closed");
    }
    Request request = call.request();
    String method = request.method();
    String path = request.url().encodedPath();
    boolean idempotent = method.equals("GET") || method.equals("HEAD");
    Instant deadline = clock.instant().plus(retryPolicy.maxTotalTime());
    boolean retried500 = false;
    int sent = 0;
    while (true) {
      Call<T> current = sent == 0 ? call : call.clone();
      awaitRateLimit(method, path, idempotent, sent, deadline);
      boundTimeout(current, deadline);
      sent++;
      Outcome outcome;
      try {
        Response<T> response = Cancellation.execute(current); // async cancel reaches the call
        if (response.isSuccessful()) {
          if (bodyRequired && response.body() == null) {
            // 204/205, or a Call<Void>: the caller expected a body.
            throw Outcome.malformed(response.code(), "no body", null, null)
                .toException(method, path, sent, idempotent, null, secrets);
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

      Duration wait = retryWait(outcome, idempotent, retried500, sent);
      String note = null;
      if (wait != null && sent >= retryPolicy.maxAttempts()) {
        wait = null;
      }
      if (wait != null && clock.instant().plus(wait).isAfter(deadline)) {
        note = "waiting " + Outcome.describe(wait) + " more would pass the "
            + Outcome.describe(retryPolicy.maxTotalTime()) + " deadline";
        wait = null;
      }
      HappyFoxException failure =
          outcome.toException(method, path, sent, idempotent, note, secrets);
      if (wait == null) {
        throw failure;
      }
      if (outcome.status == 500) {
        retried500 = true;
      }
      log("retrying in " + Outcome.describe(wait) + " (attempt " + (sent + 1) + " of "
          + retryPolicy.maxAttempts() + "): " + failure.getMessage());
      sleep(wait, method, path, sent, failure);
    }
  }

  /**
   * Returns how long to wait before retrying, or null when this outcome must not be retried.
   * {@code sent} is the number of attempts made so far; the backoff exponent is {@code sent - 1}.
   */
  private Duration retryWait(Outcome outcome, boolean idempotent, boolean retried500, int sent) {
    switch (outcome.kind) {
      case NETWORK:
        // A POST may be replayed only if it certainly never left: HappyFox has no idempotency key.
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

  private void awaitRateLimit(
      String method, String path, boolean idempotent, int sent, Instant deadline) {
    RateLimiter limiter = idempotent ? getLimiter : postLimiter;
    if (limiter == null) {
      return;
    }
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative()) {
      remaining = Duration.ZERO;
    }
    Duration wait = limiter.reserve(remaining);
    if (wait.compareTo(remaining) > 0) {
      int limit = idempotent ? rateLimits.getsPerMinute() : rateLimits.postsPerMinute();
      throw new RateLimitedException(
          method + " " + path + " failed: not sent, the client-side rate limit of " + limit + " "
              + (idempotent ? "GET" : "POST") + " requests per minute frees a slot in "
              + Outcome.describe(wait) + ", after the " + Outcome.describe(retryPolicy.maxTotalTime())
              + " deadline",
          method, path, -1, null, sent, wait);
    }
    if (!wait.isZero()) {
      log("rate limit: waiting " + Outcome.describe(wait) + " before " + method + " " + path);
      sleep(wait, method, path, sent, null);
    }
  }

  /** Shrinks the attempt's call timeout so that it cannot outlast the operation's deadline. */
  private void boundTimeout(Call<?> call, Instant deadline) {
    Duration remaining = Duration.between(clock.instant(), deadline);
    Duration bound = remaining.compareTo(callTimeout) < 0 ? remaining : callTimeout;
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
              method, path, -1, null, sent, e);
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
