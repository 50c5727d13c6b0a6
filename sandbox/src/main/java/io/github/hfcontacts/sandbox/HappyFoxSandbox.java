package io.github.hfcontacts.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A stateful, in-memory HappyFox Contacts API on a loopback port: contacts upserted by email,
 * custom fields validated and reset as HappyFox does, paging and search, contact groups, HTTP
 * Basic authentication, HappyFox's rate limits (with a time scale, so that a 10-minute block
 * takes a second in a test) and fault switches. Its JSON is written and read by the models
 * generated from the project's OpenAPI document.
 *
 * <p>Example:
 * <pre>{@code
 * try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().seedContacts(100).start();
 *      HappyFoxClient client = HappyFoxClient.builder()
 *          .baseUrl(sandbox.baseUrl()).allowInsecureHttpForLoopback()
 *          .credentials(sandbox.apiKey(), sandbox.authCode())
 *          .build()) {
 *   client.contacts().upsert(ContactDraft.builder().name("Ann").email("ann@example.com").build());
 *   assertEquals(101, sandbox.stats().contacts());
 *   assertEquals(0, sandbox.stats().rateLimited());
 * }
 * }</pre>
 *
 * <p>URLs: {@link #baseUrl()} is the root {@code http://127.0.0.1:PORT/} (what
 * {@code HappyFoxClient.Builder.baseUrl} takes), {@link #apiBaseUrl()} the API base
 * {@code http://127.0.0.1:PORT/api/1.1/json/} (what other clients take), {@link #adminUrl()} the
 * admin endpoints {@code http://127.0.0.1:PORT/_sandbox/} ({@code GET stats}, {@code POST reset},
 * {@code GET|POST faults}, {@code GET contacts}, {@code GET contact_groups}, {@code GET health};
 * no authentication, not rate limited, not counted).
 *
 * <p>Thread safety: safe for concurrent use; requests are applied atomically in arrival order.
 * {@link #close()} stops the server and frees the port.
 */
public final class HappyFoxSandbox implements AutoCloseable {
  /** The default API key: a fixed test value, not a secret. */
  public static final String DEFAULT_API_KEY = "sandbox-api-key";
  /** The default auth code: a fixed test value, not a secret. */
  public static final String DEFAULT_AUTH_CODE = "sandbox-auth-code";
  /** Where the API is served. */
  public static final String API_PATH = "/api/1.1/json/";
  /** Where the admin endpoints are served. */
  public static final String ADMIN_PATH = "/_sandbox/";

  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  static {
    // The JDK server writes a response's headers and body in two segments; without TCP_NODELAY,
    // Nagle's algorithm and the client's delayed ACK hold the body back ~40 ms on every
    // keep-alive request (about 25 requests/s per connection). The JDK reads this property once,
    // when its first HttpServer is created in the JVM; an explicit setting is left as is.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  private final Builder config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Store store;
  private final RateLimiter limiter;
  private final SandboxServer handler;
  private final String host;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HappyFoxSandbox(Builder config) {
    this.config = config;
    CustomFieldRules rules = new CustomFieldRules(config.newerServer
        ? NewerServer.customFields(config.customFields) : config.customFields);
    this.store = new Store(config.clock, rules, config.validationFailureStatus,
        config.newerServer);
    SimulatedTime time = new SimulatedTime(config.ticker, config.timeScale);
    this.limiter = new RateLimiter(config.rateLimits, time);
    this.handler = new SandboxServer(this, store, limiter, time, config.apiKey, config.authCode,
        config.faults, config.sleeper, config.newerServer);
    seed();
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(0, config.maxThreads, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable,
              "happyfox-sandbox-" + instance + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      this.server = HttpServer.create(new InetSocketAddress(config.bindAddress, config.port), 256);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot listen on " + config.bindAddress.getHostAddress()
          + ":" + config.port + ": " + e.getMessage(), e);
    }
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
    InetAddress address = config.bindAddress;
    String literal = address.getHostAddress();
    this.host = address instanceof Inet6Address ? "[" + literal + "]" : literal;
    this.port = server.getAddress().getPort();
  }

  private void seed() {
    store.reseed(() -> SeedData.apply(store, config.seed, config.seedContacts,
        config.clock.instant()));
  }

  /**
   * Starts a sandbox with the defaults: a free loopback port, {@link #DEFAULT_API_KEY} /
   * {@link #DEFAULT_AUTH_CODE}, {@link SandboxCustomField#defaults()}, no contacts, HappyFox's
   * rate limits in real time, no faults.
   *
   * <p>Example: {@code try (HappyFoxSandbox sandbox = HappyFoxSandbox.start()) { ... }}.
   *
   * @return the running sandbox; close it
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static HappyFoxSandbox start() {
    return builder().start();
  }

  /**
   * Returns a builder with the defaults of {@link #start()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the root URL, {@code http://127.0.0.1:PORT/}, for
   * {@code HappyFoxClient.builder().baseUrl(...)} (which appends {@code api/1.1/json/}).
   *
   * @return the root URL, ending with {@code /}
   */
  public String baseUrl() {
    return "http://" + host + ":" + port + "/";
  }

  /**
   * Returns the API base, {@code http://127.0.0.1:PORT/api/1.1/json/}: prefix of
   * {@code users/}, {@code user/33/}, {@code contact_groups/}...
   *
   * @return the API base URL, ending with {@code /}
   */
  public String apiBaseUrl() {
    return "http://" + host + ":" + port + API_PATH;
  }

  /**
   * Returns the admin base, {@code http://127.0.0.1:PORT/_sandbox/}.
   *
   * @return the admin URL, ending with {@code /}
   */
  public String adminUrl() {
    return "http://" + host + ":" + port + ADMIN_PATH;
  }

  /**
   * Returns the port listened on.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Returns the API key the sandbox accepts (HTTP Basic user name).
   *
   * @return the API key
   */
  public String apiKey() {
    return config.apiKey;
  }

  /**
   * Returns the auth code the sandbox accepts (HTTP Basic password).
   *
   * @return the auth code
   */
  public String authCode() {
    return config.authCode;
  }

  /**
   * Returns what the sandbox has seen and holds now.
   *
   * @return a snapshot
   */
  public SandboxStats stats() {
    return handler.stats();
  }

  /**
   * Puts the sandbox back as it started: the seeded data again (same seed, same data), counters at
   * zero, rate-limit windows empty and no block. Faults set with {@link #faults(SandboxFaults)}
   * stay. Same as {@code POST /_sandbox/reset}.
   */
  public void reset() {
    synchronized (this) {
      seed();
      limiter.reset();
      handler.resetCounters();
    }
  }

  /**
   * Replaces the fault switches from now on (the fault draws restart from their seed). Same as
   * {@code POST /_sandbox/faults}.
   *
   * <p>Example: {@code sandbox.faults(SandboxFaults.none().withServerErrorRate(1))} answers every
   * API request with 503 until switched back with {@code sandbox.faults(SandboxFaults.none())}.
   *
   * @param faults the new faults
   */
  public void faults(SandboxFaults faults) {
    handler.faults(Objects.requireNonNull(faults, "faults"));
  }

  /**
   * Returns the fault switches in force.
   *
   * @return the faults
   */
  public SandboxFaults faults() {
    return handler.faults();
  }

  /**
   * Returns the rate limits in force.
   *
   * @return the limits
   */
  public SandboxRateLimits rateLimits() {
    return config.rateLimits;
  }

  /**
   * Returns the account's custom-field definitions.
   *
   * @return an unmodifiable list
   */
  public List<SandboxCustomField> customFields() {
    return store.rules().fields();
  }

  /**
   * Returns every stored contact as {@code GET /user/{id}/} would answer it, by id: for asserting
   * the server's state in tests (also {@code GET /_sandbox/contacts}). Fresh, mutable copies of
   * the generated model.
   *
   * @return the contacts, by increasing id
   */
  public List<Contact> contacts() {
    return store.allContacts();
  }

  /**
   * Returns every contact group with its members, as {@code GET /contact_group/{id}/} would answer
   * it (also {@code GET /_sandbox/contact_groups}).
   *
   * @return the groups, by increasing id
   */
  public List<ContactGroupDetail> contactGroups() {
    return store.allGroups();
  }

  /** Stops the server and frees the port; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /**
   * Returns a description without credentials.
   *
   * @return e.g. {@code HappyFoxSandbox{http://127.0.0.1:41234/api/1.1/json/}}
   */
  @Override
  public String toString() {
    return "HappyFoxSandbox{" + apiBaseUrl() + "}";
  }

  /**
   * Configures a sandbox; {@link #start()} validates nothing more and starts it. Every setting has
   * a default (see {@link HappyFoxSandbox#start()}).
   *
   * <p>Example:
   * <pre>{@code
   * HappyFoxSandbox sandbox = HappyFoxSandbox.builder()
   *     .port(0)                               // a free loopback port
   *     .seed(7).seedContacts(1000)            // the same 1000 contacts each run
   *     .timeScale(600)                        // a 10-minute block lasts one second
   *     .rateLimits(SandboxRateLimits.happyFox())
   *     .faults(SandboxFaults.none().withServerErrorRate(0.05).withSeed(1))
   *     .start();
   * }</pre>
   *
   * <p>Thread safety: not thread-safe; a builder can start several sandboxes.
   */
  public static final class Builder {
    private int port;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private String apiKey = DEFAULT_API_KEY;
    private String authCode = DEFAULT_AUTH_CODE;
    private long seed;
    private int seedContacts;
    private List<SandboxCustomField> customFields = SandboxCustomField.defaults();
    private double timeScale = 1.0;
    private SandboxRateLimits rateLimits = SandboxRateLimits.happyFox();
    private SandboxFaults faults = SandboxFaults.none();
    private int validationFailureStatus = 400;
    private LongSupplier ticker = System::nanoTime;
    private Clock clock = Clock.systemUTC();
    private int maxThreads = 64;
    private boolean newerServer;
    private SandboxServer.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis(),
        (int) (duration.toNanos() % 1_000_000));

    private Builder() {}

    /**
     * Sets the port; 0 (the default) picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the address to listen on; the default is the loopback address (127.0.0.1). Anything
     * else exposes a server without TLS to the network: only for containers and the like.
     *
     * @param address the address
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the credentials the sandbox accepts (default {@link #DEFAULT_API_KEY} and
     * {@link #DEFAULT_AUTH_CODE}).
     *
     * @param apiKey the API key: not blank, without ':'
     * @param authCode the auth code: not blank
     * @return this builder
     * @throws IllegalArgumentException naming the argument that is blank or has a ':'
     */
    public Builder credentials(String apiKey, String authCode) {
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(authCode, "authCode");
      if (apiKey.trim().isEmpty() || apiKey.indexOf(':') >= 0) {
        throw new IllegalArgumentException("apiKey must not be blank or contain ':'");
      }
      if (authCode.trim().isEmpty()) {
        throw new IllegalArgumentException("authCode must not be blank");
      }
      this.apiKey = apiKey;
      this.authCode = authCode;
      return this;
    }

    /**
     * Sets the seed of the generated data (default 0).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Starts with this many generated contacts (default 0), plus six generated groups; the same
     * seed gives the same data. Emails are unique, on {@code .test} domains.
     *
     * @param count 0 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder seedContacts(int count) {
      if (count < 0 || count > 1_000_000) {
        throw new IllegalArgumentException("seedContacts must be 0 to 1000000, was " + count);
      }
      this.seedContacts = count;
      return this;
    }

    /**
     * Sets the account's custom-field definitions (default {@link SandboxCustomField#defaults()}).
     *
     * @param fields the definitions; ids unique, choice ids unique across fields
     * @return this builder
     * @throws IllegalArgumentException if ids repeat or a field depends on a missing choice
     */
    public Builder customFields(List<SandboxCustomField> fields) {
      List<SandboxCustomField> copy = new ArrayList<>();
      for (SandboxCustomField field : Objects.requireNonNull(fields, "customFields")) {
        copy.add(Objects.requireNonNull(field, "customFields element"));
      }
      new CustomFieldRules(copy);
      this.customFields = copy;
      return this;
    }

    /**
     * Makes simulated time run {@code scale} times faster than real time (default 1): the rolling
     * window and the block shrink by that factor, and {@code Retry-After} gives real seconds,
     * rounded up.
     *
     * <p>Example: {@code timeScale(600)}: HappyFox's 10-minute block lasts one second and is
     * announced as {@code Retry-After: 1}.
     *
     * @param scale positive and finite
     * @return this builder
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder timeScale(double scale) {
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("timeScale must be positive and finite, was " + scale);
      }
      this.timeScale = scale;
      return this;
    }

    /**
     * Sets the rate limits (default {@link SandboxRateLimits#happyFox()};
     * {@link SandboxRateLimits#unlimited()} switches them off).
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder rateLimits(SandboxRateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits, "rateLimits");
      return this;
    }

    /**
     * Sets the fault switches (default {@link SandboxFaults#none()}).
     *
     * @param faults the faults
     * @return this builder
     */
    public Builder faults(SandboxFaults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * Sets the status of validation failures of one-object writes (default 400, as the spec
     * says); 200 sends the vendor's {@code {"error": [...]}} body with a 2xx status, as HappyFox
     * sometimes does, to test a client's handling of it.
     *
     * @param status 400 or 200
     * @return this builder
     * @throws IllegalArgumentException for another status
     */
    public Builder validationFailureStatus(int status) {
      if (status != 400 && status != 200) {
        throw new IllegalArgumentException("validationFailureStatus must be 400 or 200, was "
            + status);
      }
      this.validationFailureStatus = status;
      return this;
    }

    /**
     * Sets the monotonic time source of the rate limiter, in nanoseconds (default
     * {@code System::nanoTime}); tests pass a fake one and advance it instead of waiting.
     *
     * <p>Example: {@code AtomicLong now = new AtomicLong(); builder.ticker(now::get);} then
     * {@code now.addAndGet(Duration.ofMinutes(10).toNanos())} lifts a block.
     *
     * @param ticker nanoseconds, never decreasing
     * @return this builder
     */
    public Builder ticker(LongSupplier ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Sets the clock of {@code created_at} / {@code updated_at} and of the generated data
     * (default the system clock, UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the most requests handled at once (default 64; more wait).
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("maxThreads must be at least 1, was " + threads);
      }
      this.maxThreads = threads;
      return this;
    }

    /**
     * Answers like a HappyFox newer than the project's spec, to test that a client accepts what
     * its spec does not list: the API also accepts the phone type {@code "f"} (and answers it), the
     * account has one more custom field, {@code 10 "Profile URL"} of type {@code "url"} (string
     * values, checked like text), and every object of every successful answer carries one more
     * property, {@code "newer_server_field"}, whose value nests every JSON kind. Error bodies are
     * unchanged. Off by default.
     *
     * <p>Example: {@code HappyFoxSandbox.builder().newerServer().start()}, or
     * {@code --newer-server} on the command line.
     *
     * @return this builder
     */
    public Builder newerServer() {
      this.newerServer = true;
      return this;
    }

    Builder sleeper(SandboxServer.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Starts a sandbox with these settings.
     *
     * @return the running sandbox; close it
     * @throws UncheckedIOException if the port cannot be bound
     */
    public HappyFoxSandbox start() {
      return new HappyFoxSandbox(copy());
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.port = port;
      copy.bindAddress = bindAddress;
      copy.apiKey = apiKey;
      copy.authCode = authCode;
      copy.seed = seed;
      copy.seedContacts = seedContacts;
      copy.customFields = customFields;
      copy.timeScale = timeScale;
      copy.rateLimits = rateLimits;
      copy.faults = faults;
      copy.validationFailureStatus = validationFailureStatus;
      copy.ticker = ticker;
      copy.clock = clock;
      copy.maxThreads = maxThreads;
      copy.sleeper = sleeper;
      copy.newerServer = newerServer;
      return copy;
    }
  }
}
