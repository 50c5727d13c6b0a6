package io.github.hfcontacts.client;

import io.github.hfcontacts.client.internal.ErrorEnvelopeInterceptor;
import io.github.hfcontacts.client.internal.HeadersInterceptor;
import io.github.hfcontacts.client.internal.LoggingInterceptor;
import io.github.hfcontacts.client.internal.NoFollowUpInterceptor;
import io.github.hfcontacts.client.internal.ResponseSizeLimitInterceptor;
import io.github.hfcontacts.client.internal.Secrets;
import io.github.hfcontacts.client.internal.StaleConnectionGuard;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The entry point of the HappyFox Contacts client: one immutable object holding the account's
 * address, credentials, timeouts, retry policy, rate budget and HTTP connection pool.
 *
 * <p>Example:
 * <pre>{@code
 * try (HappyFoxClient client = HappyFoxClient.builder()
 *     .account("acme")                                  // https://acme.happyfox.com/api/1.1/json/
 *     .credentials(System.getenv("HAPPYFOX_API_KEY"), System.getenv("HAPPYFOX_AUTH_CODE"))
 *     .readTimeout(Duration.ofSeconds(20))
 *     .retryPolicy(RetryPolicy.defaults().withMaxAttempts(4))
 *     .build()) {
 *   // use the client
 * }
 * }</pre>
 *
 * <p>What it guarantees: only https (a POST sent over http is treated as a GET by HappyFox);
 * redirects are never followed and OkHttp never replays a request by itself; a POST is repeated
 * once it may have reached HappyFox (which has no idempotency key) only when the contract marks it
 * idempotent; GET and POST requests stay under the account's {@link RateBudget} at the server,
 * whatever the latency; credentials never appear in {@link #toString()}, exception messages or
 * log lines.
 *
 * <p>Thread safety: immutable and safe to share; create one per account and reuse it, since it
 * owns the connection pool. Clients of the same account in one JVM share one rate budget (see
 * {@link Builder#rateBudget(RateBudget)}). {@link #close()} releases the threads and connections
 * of an OkHttpClient the client created itself.
 */
public final class HappyFoxClient implements Closeable {
  private static final String API_PATH_SUFFIX = "/api/1.1/json/";
  private static final Pattern DNS_LABEL =
      Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  private static final long MAX_RESPONSE_BYTES_LIMIT = 1L << 30;

  private final Transport transport;
  private final OkHttpClient okHttpClient;
  private final boolean ownsOkHttpClient;
  private final String description;
  private final Services services;
  private final RateBudget rateBudget;
  private final SharedRateBudgets.Lease budgetLease;
  private final AsyncHappyFoxClient async;
  private final ExecutorService ownedAsyncExecutor;

  private HappyFoxClient(
      Transport transport, OkHttpClient okHttpClient, boolean ownsOkHttpClient,
      String description, RateBudget rateBudget, SharedRateBudgets.Lease budgetLease,
      Executor asyncExecutor) {
    this.transport = transport;
    this.okHttpClient = okHttpClient;
    this.ownsOkHttpClient = ownsOkHttpClient;
    this.description = description;
    this.services = new Services(transport);
    this.rateBudget = rateBudget;
    this.budgetLease = budgetLease;
    this.ownedAsyncExecutor = asyncExecutor == null ? AsyncThreads.newPool() : null;
    this.async = new AsyncHappyFoxClient(
        this, new AsyncRunner(asyncExecutor == null ? ownedAsyncExecutor : asyncExecutor));
  }

  /**
   * Returns the asynchronous view: the same services, returning {@code CompletableFuture}s whose
   * cancellation cancels the HTTP call; see {@link AsyncHappyFoxClient}.
   *
   * <p>Example: {@code client.async().contacts().getByEmail("james@example.com")}.
   *
   * @return the view, the same instance on every call
   */
  public AsyncHappyFoxClient async() {
    return async;
  }

  /**
   * Returns the contacts service: get, search, page, upsert (one or in bulk) and edit contacts.
   *
   * <p>Example: {@code client.contacts().getByEmail("james@example.com")}.
   *
   * @return the service, the same instance on every call
   */
  public Contacts contacts() {
    return services.contacts;
  }

  /**
   * Returns the contact-groups service: list, get, create and edit groups, add and remove members.
   *
   * <p>Example: {@code client.contactGroups().list()}.
   *
   * @return the service, the same instance on every call
   */
  public ContactGroups contactGroups() {
    return services.contactGroups;
  }

  /**
   * Returns the contact custom-field definitions, cached per client, and their validation.
   *
   * <p>Example: {@code client.customFields().definitions()}.
   *
   * @return the service, the same instance on every call
   */
  public CustomFields customFields() {
    return services.customFields;
  }

  /**
   * Returns a new builder.
   *
   * <p>Example: {@code HappyFoxClient.builder().euAccount("acme").credentials(key, code).build()}.
   *
   * @return a builder with the defaults described on each of its methods
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the rate budget every request of this client spends: the one given to
   * {@link Builder#rateBudget(RateBudget)}, the budget this JVM shares for the account, or
   * {@link RateBudget#unlimited()}. Useful for progress reports.
   *
   * <p>Example: {@code client.rateBudget().estimatedWait(RateBudget.Kind.GET, pagesLeft)}.
   *
   * @return the budget
   */
  public RateBudget rateBudget() {
    return rateBudget;
  }

  /** The transport the domain layer runs its calls through; see {@link Transport}. */
  Transport transport() {
    return transport;
  }

  /**
   * Releases the resources of the OkHttpClient this client created: its dispatcher threads and
   * idle pooled connections, and the threads of its default async executor, which end once their
   * running operations do (asynchronous operations started after closing fail with
   * {@link IllegalStateException}). When the OkHttpClient was supplied with
   * {@link Builder#okHttpClient(OkHttpClient)} it belongs to the caller and is left alone. Calls
   * made after closing throw {@link IllegalStateException}. Idempotent.
   *
   * <p>Example: {@code try (HappyFoxClient client = builder.build()) { ... }}.
   */
  @Override
  public void close() {
    transport.close();
    if (budgetLease != null) {
      budgetLease.close();
    }
    if (ownedAsyncExecutor != null) {
      ownedAsyncExecutor.shutdown();
    }
    if (ownsOkHttpClient) {
      okHttpClient.dispatcher().executorService().shutdown();
      okHttpClient.connectionPool().evictAll();
    }
  }

  /**
   * Describes the configuration, never the credentials.
   *
   * <p>Example: {@code HappyFoxClient{baseUrl=https://acme.happyfox.com/api/1.1/json/,
   * credentials=██, ...}}.
   */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Collects and validates the settings of a {@link HappyFoxClient}. Setters only store (and
   * reject null); {@link #build()} checks everything and throws
   * {@link IllegalArgumentException} (a bad value) or {@link IllegalStateException} (a missing or
   * conflicting setting) with a message naming the argument, never echoing a credential.
   *
   * <p>Example:
   * <pre>{@code
   * HappyFoxClient client = HappyFoxClient.builder()
   *     .customDomain("support.example.com")
   *     .credentials(apiKey, authCode)
   *     .rateLimits(RateLimits.of(250, 150))
   *     .logger(System.err::println, LogLevel.BASIC)
   *     .build();
   * }</pre>
   *
   * <p>Thread safety: not thread-safe; use one builder from one thread.
   */
  public static final class Builder {
    private final List<String> hostSettings = new ArrayList<>();
    private String account;
    private Region region;
    private String customDomain;
    private String baseUrl;
    private String apiKey;
    private String authCode;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgent;
    private OkHttpClient okHttpClient;
    private boolean allowInsecureHttpForLoopback;
    private HappyFoxLogger logger;
    private LogLevel logLevel = LogLevel.NONE;
    private RateLimits rateLimits = RateLimits.defaults();
    private RateBudget rateBudget;
    private Ticker ticker = Ticker.system();
    private long maxResponseBytes = 16L * 1024 * 1024;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Builder::threadSleep;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Executor asyncExecutor;

    private Builder() {}

    /**
     * Targets a US-hosted account. Exactly one of {@code account}, {@code euAccount},
     * {@code customDomain} and {@code baseUrl} must be called.
     *
     * <p>Example: {@code account("acme")} uses {@code https://acme.happyfox.com/api/1.1/json/}.
     *
     * @param account the account name: a DNS label (letters, digits, inner hyphens)
     * @return this builder
     */
    public Builder account(String account) {
      return account(account, Region.US);
    }

    /**
     * Targets an account in the given region.
     *
     * <p>Example: {@code account("acme", Region.EU)} uses
     * {@code https://acme.happyfox.net/api/1.1/json/}.
     *
     * @param account the account name: a DNS label
     * @param region where the account is hosted
     * @return this builder
     */
    public Builder account(String account, Region region) {
      this.account = Objects.requireNonNull(account, "account");
      this.region = Objects.requireNonNull(region, "region");
      hostSettings.add(region == Region.EU ? "account(EU)" : "account");
      return this;
    }

    /**
     * Targets an EU-hosted account; the same as {@code account(account, Region.EU)}.
     *
     * <p>Example: {@code euAccount("acme")} uses {@code https://acme.happyfox.net/api/1.1/json/}.
     *
     * @param account the account name: a DNS label
     * @return this builder
     */
    public Builder euAccount(String account) {
      return account(account, Region.EU);
    }

    /**
     * Targets an account served on its own domain.
     *
     * <p>Example: {@code customDomain("support.example.com")} uses
     * {@code https://support.example.com/api/1.1/json/}.
     *
     * @param host the host name only: no scheme, port or path
     * @return this builder
     */
    public Builder customDomain(String host) {
      this.customDomain = Objects.requireNonNull(host, "customDomain");
      hostSettings.add("customDomain");
      return this;
    }

    /**
     * Targets a base URL; {@code /api/1.1/json/} is appended unless the path already ends with
     * it. Must be https, unless {@link #allowInsecureHttpForLoopback()} is set and the host is a
     * loopback address.
     *
     * <p>Example: {@code baseUrl("https://support.example.com")} uses
     * {@code https://support.example.com/api/1.1/json/}.
     *
     * @param baseUrl an absolute https URL without credentials, query or fragment
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      hostSettings.add("baseUrl");
      return this;
    }

    /**
     * Sets the credentials, sent as HTTP Basic on every request to the account's host (user name =
     * API key, password = auth code). Required.
     *
     * <p>Example: {@code credentials(System.getenv("HAPPYFOX_API_KEY"),
     * System.getenv("HAPPYFOX_AUTH_CODE"))}.
     *
     * @param apiKey the API key: not blank, no ':', no control characters or outer whitespace
     * @param authCode the auth code: not blank, no control characters or outer whitespace
     * @return this builder
     */
    public Builder credentials(String apiKey, String authCode) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      this.authCode = Objects.requireNonNull(authCode, "authCode");
      return this;
    }

    /**
     * Sets the time allowed to open a connection. Default 10 s.
     *
     * <p>Example: {@code connectTimeout(Duration.ofSeconds(5))}.
     *
     * @param timeout positive, at most one hour
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the longest silence allowed while reading a response. Default 30 s.
     *
     * <p>Example: {@code readTimeout(Duration.ofSeconds(20))}.
     *
     * @param timeout positive, at most one hour
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the longest stall allowed while writing a request. Default 30 s.
     *
     * <p>Example: {@code writeTimeout(Duration.ofSeconds(20))}.
     *
     * @param timeout positive, at most one hour
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Objects.requireNonNull(timeout, "writeTimeout");
      return this;
    }

    /**
     * Sets the time allowed for one whole HTTP exchange (connect, write, wait, read). Default
     * 60 s. The whole logical operation, retries included, is bounded by
     * {@link RetryPolicy#maxTotalTime()}, which also shortens the last attempt's call timeout.
     *
     * <p>Example: {@code callTimeout(Duration.ofSeconds(90))}.
     *
     * @param timeout positive, at most one hour
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "callTimeout");
      return this;
    }

    /**
     * Sets how operations are retried and their overall deadline. Default
     * {@link RetryPolicy#defaults()}.
     *
     * <p>Example: {@code retryPolicy(RetryPolicy.none())}.
     *
     * @param retryPolicy the policy; its base delay must not exceed its max delay
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets the {@code User-Agent} header. Default {@code happyfox-contacts-java/<version>}.
     *
     * <p>Example: {@code userAgent("crm-sync/2.3 happyfox-contacts-java")}.
     *
     * @param userAgent printable ASCII, not blank; CR and LF are rejected
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Shares an application's OkHttpClient (connection pool, dispatcher, proxy, TLS settings). The
     * client derives its own with {@link OkHttpClient#newBuilder()} and overrides what is unsafe for
     * HappyFox: OkHttp's automatic retries and redirects are switched off, no authenticator is
     * used, this builder's timeouts apply and the client's interceptors are added after the
     * caller's. The supplied client is not modified, and {@link HappyFoxClient#close()} leaves it
     * open.
     *
     * <p>Example: {@code okHttpClient(sharedClient)}.
     *
     * @param okHttpClient the client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /**
     * Permits an {@code http://} base URL whose host is a loopback address (127.0.0.0/8,
     * {@code ::1}, {@code localhost}): for tests against a local mock server. Any other http URL
     * is still refused.
     *
     * <p>Example: {@code baseUrl("http://127.0.0.1:8080/").allowInsecureHttpForLoopback()}.
     *
     * @return this builder
     */
    public Builder allowInsecureHttpForLoopback() {
      this.allowInsecureHttpForLoopback = true;
      return this;
    }

    /**
     * Switches logging on. Bodies are never logged; credential and cookie headers are shown as
     * {@code ██}. Default: no logging.
     *
     * <p>Example: {@code logger(System.err::println, LogLevel.HEADERS)}.
     *
     * @param logger receives the lines; must be thread-safe
     * @param level how much to log; {@link LogLevel#NONE} switches logging off
     * @return this builder
     */
    public Builder logger(HappyFoxLogger logger, LogLevel level) {
      this.logger = Objects.requireNonNull(logger, "logger");
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets the limits of the account's rate budget. Default {@link RateLimits#defaults()} (500 GET
     * and 300 POST per minute, 1 s safety margin). Clients built in one JVM for the same account
     * (the same base URL and API key) share one in-memory budget, so they must give equal limits;
     * {@link RateLimits#unlimited()} gives this client no budget at all. Ignored when a budget is
     * given with {@link #rateBudget(RateBudget)}, which carries its own limits.
     *
     * <p>Example: {@code rateLimits(RateLimits.unlimited())} in tests.
     *
     * @param rateLimits the limits
     * @return this builder
     */
    public Builder rateLimits(RateLimits rateLimits) {
      this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
      return this;
    }

    /**
     * Makes this client spend {@code rateBudget} instead of the budget the JVM shares for the
     * account.
     *
     * <p>By default, clients built for the same account (the same API base URL and API key, and
     * the same {@link #ticker(Ticker)}) in one JVM share one {@link RateBudget#inMemory(RateLimits)}
     * budget, created by the first of them and kept while any of them is open or any of its
     * requests still counts. The registry keeps the API key only as a salted hash. Give a budget
     * here to share one between processes (the {@code happyfox-contacts-ratelimit-bucket4j}
     * module), or to keep a client apart from the JVM's budget; pass the same instance to every
     * client that should share it.
     *
     * <p>Example:
     * <pre>{@code
     * // two clients of one account, each with half of it (a Bucket4jRateBudget is given the same way)
     * RateBudget half = RateBudget.inMemory(RateLimits.of(250, 150));
     * HappyFoxClient client = HappyFoxClient.builder().account("acme").credentials(apiKey, authCode)
     *     .rateBudget(half).build();
     * }</pre>
     *
     * @param rateBudget the budget; it carries its own limits, and {@link #rateLimits(RateLimits)}
     *     is then ignored
     * @return this builder
     */
    public Builder rateBudget(RateBudget rateBudget) {
      this.rateBudget = Objects.requireNonNull(rateBudget, "rateBudget");
      return this;
    }

    /**
     * Sets the largest response body accepted; a larger one fails with
     * {@link MalformedResponseException}, whether {@code Content-Length} announces it or the
     * stream runs past it. Default 16 MiB.
     *
     * <p>Example: {@code maxResponseBytes(4L * 1024 * 1024)}.
     *
     * @param maxResponseBytes 1 byte to 1 GiB
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Sets the wall clock, used only to turn a {@code Retry-After} HTTP-date into a wait. Default
     * {@link Clock#systemUTC()}. Deadlines and waits are measured on the {@link #ticker(Ticker)},
     * which the wall clock never moves.
     *
     * <p>Example: {@code clock(fakeClock)} in tests, together with {@link #ticker(Ticker)} and
     * {@link #sleeper(Sleeper)}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the monotonic time source of the operation deadline ({@link RetryPolicy#maxTotalTime()})
     * and of the JVM-shared rate budget's slots. Default {@link Ticker#system()}.
     *
     * <p>Network timeouts are always real time (OkHttp measures them itself). With the system
     * ticker the deadline also shortens the last attempt's call timeout; with any other ticker (a
     * test's fake) it does not, so that fake time advanced by other threads never cuts a real call
     * short. Clients with different tickers never share a budget.
     *
     * <p>Example: {@code ticker(fakeNanos::get).sleeper(d -> fakeNanos.addAndGet(d.toNanos()))}.
     *
     * @param ticker the ticker; must be thread-safe and never go backwards
     * @return this builder
     */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Sets how the client waits between retries and for the rate budget. Default
     * {@link Thread#sleep(long, int)}.
     *
     * <p>Example: {@code sleeper(d -> fakeClock.advance(d))} in tests.
     *
     * @param sleeper the sleeper; must be thread-safe
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the source of the backoff jitter: values in {@code [0, 1]}, out-of-range values are
     * clamped. Default {@link ThreadLocalRandom}.
     *
     * <p>Example: {@code random(() -> 1.0)} makes every backoff wait its maximum;
     * {@code random(new Random(42)::nextDouble)} makes it repeatable.
     *
     * @param random the source; must be thread-safe
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the executor that runs the operations of {@link HappyFoxClient#async()}. Default: a
     * cached pool of daemon threads owned by the client and shut down by
     * {@link HappyFoxClient#close()}; an executor given here belongs to the caller and is left
     * running.
     *
     * <p>Example: {@code asyncExecutor(Executors.newVirtualThreadPerTaskExecutor())} on Java 21 or
     * later runs every asynchronous operation on its own virtual thread.
     *
     * @param executor runs one task per operation; must be thread-safe
     * @return this builder
     */
    public Builder asyncExecutor(Executor executor) {
      this.asyncExecutor = Objects.requireNonNull(executor, "asyncExecutor");
      return this;
    }

    /**
     * Validates the settings and creates the client.
     *
     * <p>Example: {@code HappyFoxClient.builder().account("acme").credentials(k, c).build()}.
     *
     * @return the client
     * @throws IllegalArgumentException naming the argument whose value is invalid
     * @throws IllegalStateException naming the setting that is missing or given twice, or when
     *     {@code rateLimits} differ from those of the budget the JVM already shares for the account
     */
    public HappyFoxClient build() {
      HttpUrl url = resolveBaseUrl();
      checkCredential("apiKey", apiKey);
      checkCredential("authCode", authCode);
      if (apiKey.indexOf(':') >= 0) {
        throw new IllegalArgumentException(
            "apiKey must not contain ':' (HTTP Basic uses it to separate the key from the code)");
      }
      checkTimeout("connectTimeout", connectTimeout);
      checkTimeout("readTimeout", readTimeout);
      checkTimeout("writeTimeout", writeTimeout);
      checkTimeout("callTimeout", callTimeout);
      if (retryPolicy.baseDelay().compareTo(retryPolicy.maxDelay()) > 0) {
        throw new IllegalArgumentException(
            "retryPolicy.baseDelay (" + retryPolicy.baseDelay()
                + ") must not exceed retryPolicy.maxDelay (" + retryPolicy.maxDelay() + ")");
      }
      String agent = userAgent == null ? defaultUserAgent() : userAgent;
      checkUserAgent(agent);
      if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be between 1 and " + MAX_RESPONSE_BYTES_LIMIT + " but was "
                + maxResponseBytes);
      }

      String authorization = Credentials.basic(apiKey, authCode, StandardCharsets.UTF_8);
      Secrets secrets =
          new Secrets(List.of(apiKey, authCode, authorization.substring("Basic ".length())));
      boolean owns = okHttpClient == null;
      OkHttpClient.Builder http = owns ? new OkHttpClient.Builder() : okHttpClient.newBuilder();
      http.retryOnConnectionFailure(false)
          .followRedirects(false)
          .followSslRedirects(false)
          .authenticator(Authenticator.NONE)
          .connectTimeout(connectTimeout.toNanos(), TimeUnit.NANOSECONDS)
          .readTimeout(readTimeout.toNanos(), TimeUnit.NANOSECONDS)
          .writeTimeout(writeTimeout.toNanos(), TimeUnit.NANOSECONDS)
          .callTimeout(callTimeout.toNanos(), TimeUnit.NANOSECONDS)
          // Order matters: each interceptor sees the response of the ones added after it.
          .addInterceptor(new HeadersInterceptor(url, authorization, agent))
          .addInterceptor(new ErrorEnvelopeInterceptor(HappyFoxException.MAX_BODY_EXCERPT_CHARS))
          .addInterceptor(new ResponseSizeLimitInterceptor(maxResponseBytes))
          .addNetworkInterceptor(new NoFollowUpInterceptor());
      // Never writes to a pooled connection the server closed; resends only what was not written.
      StaleConnectionGuard staleGuard = new StaleConnectionGuard();
      http.addInterceptor(staleGuard.applicationInterceptor())
          .addNetworkInterceptor(staleGuard.networkInterceptor());
      boolean logging = logger != null && logLevel != LogLevel.NONE;
      if (logging) {
        http.addInterceptor(new LoggingInterceptor(logger, logLevel, secrets));
      }
      OkHttpClient configured = http.build();
      SharedRateBudgets.Lease lease = rateBudget == null && !rateLimits.isUnlimited()
          ? SharedRateBudgets.JVM.lease(url, apiKey, rateLimits, ticker)
          : null;
      RateBudget budget = rateBudget != null ? rateBudget
          : lease != null ? lease.budget() : RateBudget.unlimited();
      Transport transport =
          new Transport(
              configured, url, retryPolicy, budget, clock, ticker, sleeper, random, callTimeout,
              secrets, logging ? logger : null);
      String description =
          "HappyFoxClient{baseUrl=" + url
              + ", credentials=" + Secrets.MASK
              + ", connectTimeout=" + connectTimeout
              + ", readTimeout=" + readTimeout
              + ", writeTimeout=" + writeTimeout
              + ", callTimeout=" + callTimeout
              + ", " + retryPolicy
              + ", " + (rateBudget == null ? rateLimits : "rateBudget=" + rateBudget)
              + ", maxResponseBytes=" + maxResponseBytes
              + ", logLevel=" + (logging ? logLevel : LogLevel.NONE)
              + ", sharedOkHttpClient=" + !owns
              + '}';
      return new HappyFoxClient(
          transport, configured, owns, description, budget, lease, asyncExecutor);
    }

    /**
     * Describes the settings so far, never the credentials.
     *
     * <p>Example: {@code HappyFoxClient.Builder{hosts=[account], account=acme, credentials=set,
     * ...}}.
     */
    @Override
    public String toString() {
      return "HappyFoxClient.Builder{hosts=" + hostSettings
          + (account == null ? "" : ", account=" + account + ", region=" + region)
          + (customDomain == null ? "" : ", customDomain=" + customDomain)
          + (baseUrl == null ? "" : ", baseUrl=" + baseUrl)
          + ", credentials=" + (apiKey == null ? "unset" : "set")
          + ", connectTimeout=" + connectTimeout
          + ", readTimeout=" + readTimeout
          + ", writeTimeout=" + writeTimeout
          + ", callTimeout=" + callTimeout
          + ", " + retryPolicy
          + ", " + rateLimits
          + ", maxResponseBytes=" + maxResponseBytes
          + ", logLevel=" + logLevel
          + '}';
    }

    private HttpUrl resolveBaseUrl() {
      if (hostSettings.isEmpty()) {
        throw new IllegalStateException(
            "one of account(), euAccount(), customDomain() or baseUrl() must be called");
      }
      if (hostSettings.size() > 1) {
        throw new IllegalStateException(
            "exactly one of account(), euAccount(), customDomain() or baseUrl() may be called, "
                + "but these were: " + String.join(", ", hostSettings));
      }
      if (account != null) {
        String name = account.toLowerCase(Locale.ROOT);
        if (!DNS_LABEL.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "account must be a DNS label (letters, digits and inner hyphens, at most 63), "
                  + "like \"acme\"");
        }
        return HttpUrl.get("https://" + name + "." + region.domain() + API_PATH_SUFFIX);
      }
      if (customDomain != null) {
        String host = customDomain.toLowerCase(Locale.ROOT);
        if (!isHostName(host)) {
          throw new IllegalArgumentException(
              "customDomain must be a host name like \"support.example.com\" "
                  + "(no scheme, port or path)");
        }
        return HttpUrl.get("https://" + host + API_PATH_SUFFIX);
      }
      return checkBaseUrl(baseUrl);
    }

    private HttpUrl checkBaseUrl(String value) {
      HttpUrl parsed = HttpUrl.parse(value.trim());
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
      }
      if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
        throw new IllegalArgumentException(
            "baseUrl must not contain credentials; use credentials(apiKey, authCode)");
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or a fragment");
      }
      if (!parsed.isHttps()) {
        if (!allowInsecureHttpForLoopback) {
          throw new IllegalArgumentException(
              "baseUrl must use https: HappyFox treats a POST sent over http as a GET "
                  + "(allowInsecureHttpForLoopback() permits http to a loopback host, for tests)");
        }
        if (!isLoopback(parsed.host())) {
          throw new IllegalArgumentException(
              "baseUrl: http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost), "
                  + "not " + parsed.host());
        }
      }
      String path = parsed.encodedPath();
      String apiPath;
      if (path.endsWith(API_PATH_SUFFIX)) {
        apiPath = path;
      } else if ((path + "/").endsWith(API_PATH_SUFFIX)) {
        apiPath = path + "/";
      } else {
        apiPath = (path.endsWith("/") ? path : path + "/") + Transport.API_PATH;
      }
      return parsed.newBuilder().encodedPath(apiPath).build();
    }

    private static boolean isLoopback(String host) {
      return host.equals("localhost") || host.equals("::1") || IPV4_LOOPBACK.matcher(host).matches();
    }

    private static boolean isHostName(String host) {
      if (host.isEmpty() || host.length() > 253) {
        return false;
      }
      String[] labels = host.split("\\.", -1);
      if (labels.length < 2) {
        return false;
      }
      for (String label : labels) {
        if (!DNS_LABEL.matcher(label).matches()) {
          return false;
        }
      }
      return true;
    }

    private static void checkCredential(String name, String value) {
      if (value == null) {
        throw new IllegalStateException("credentials(apiKey, authCode) must be called");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      if (!value.equals(value.strip())) {
        throw new IllegalArgumentException(name + " must not start or end with whitespace");
      }
      for (int i = 0; i < value.length(); i++) {
        if (Character.isISOControl(value.charAt(i))) {
          throw new IllegalArgumentException(name + " must not contain control characters");
        }
      }
    }

    private static void checkTimeout(String name, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      if (value.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            name + " must be at most " + MAX_TIMEOUT + " but was " + value);
      }
    }

    private static void checkUserAgent(String agent) {
      if (agent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      for (int i = 0; i < agent.length(); i++) {
        char c = agent.charAt(i);
        if (c == '\r' || c == '\n') {
          throw new IllegalArgumentException("userAgent must not contain CR or LF");
        }
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException(
              "userAgent must be printable ASCII (no control or non-ASCII characters)");
        }
      }
    }

    private static String defaultUserAgent() {
      String version = HappyFoxClient.class.getPackage().getImplementationVersion();
      return "happyfox-contacts-java/" + (version == null ? "dev" : version);
    }

    private static void threadSleep(Duration duration) throws InterruptedException {
      long nanos = duration.toNanos();
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    }
  }
}
