package io.github.hfcontacts.ratelimit.bucket4j;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.hfcontacts.client.RateBudget;
import io.github.hfcontacts.client.RateBudgetUnavailableException;
import io.github.hfcontacts.client.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A {@link RateBudget} shared by every process that names the same account, kept in any store
 * Bucket4j's distributed {@link ProxyManager} supports (Redis through Lettuce, Redisson or Jedis,
 * PostgreSQL or MySQL through JDBC, Hazelcast, Infinispan...).
 *
 * <p>Example, with Redis through Lettuce:
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://redis.internal:6379");
 * StatefulRedisConnection<String, byte[]> connection =
 *     redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
 * ProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection).build();
 * RateBudget budget = Bucket4jRateBudget.builder(buckets, "happyfox:acme").build();
 * HappyFoxClient client = HappyFoxClient.builder().account("acme").credentials(key, code)
 *     .rateBudget(budget).build();
 * }</pre>
 *
 * <h2>Why the server never counts more than the limit</h2>
 * For each kind of request (GET, POST), with the limit N, the window W = 60 s and the
 * {@linkplain RateLimits#safetyMargin() safety margin} m, the budget keeps two kinds of bucket:
 * <ul>
 *   <li>a <b>rate</b> bucket of capacity C ({@link Builder#burst(int)}, 4 by default) that refills
 *       greedily N − C − 2K tokens per W + m and starts empty; a request takes one token before it
 *       is sent;
 *   <li>an <b>in-flight</b> bucket of capacity K ({@link Builder#maxInFlight(int)}, 8 by default)
 *       that never refills; a request takes one token with its permit and gives it back when the
 *       permit closes. A new one is used every epoch of 2 × {@link #maxPermitHold()}, so that the
 *       tokens of a crashed process come back within two epochs.
 * </ul>
 * HappyFox may count a request at any instant between its grant and its close. A request can thus
 * land in a window [t, t + W] only if it was granted inside the window, or granted before t and
 * still open at t:
 * <ul>
 *   <li>granted inside: a token bucket starts a window with at most its capacity C and refills
 *       (N − C − 2K) × W / (W + m) tokens during it; at most C + (N − C − 2K) × W / (W + m) &lt;
 *       N − 2K requests;
 *   <li>open at t: the client bounds each attempt's call timeout by {@link #maxPermitHold()} (60 s
 *       by default), so every permit closes within one epoch of its grant, and only tokens of the
 *       current and the previous epoch can be out: at most 2K requests.
 * </ul>
 * Together fewer than N, whatever the latency and the number of processes. With the defaults
 * (500/300 per minute, C = 4, K = 8, m = 1 s) the budget sustains 480 × 60 / 61 = 472.1 GET per
 * minute (94.4 % of the ceiling) and 280 × 60 / 61 = 275.4 POST per minute (91.8 %); in general
 * (N − C − 2K) / N × W / (W + m) of it. At most K requests of a kind are in flight at once across
 * all processes (2K at an epoch change): K must exceed the rate times the latency (8 in flight at
 * 1 s of latency carry 8 requests a second, above the 7.9 GET a second of the budget); raise it
 * for slow bulk POSTs, at the price of 2 requests per minute for each unit.
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li><b>Store unreachable</b>: {@link #tryAcquire}, {@link #pause} and {@link #estimatedWait}
 *       throw {@link RateBudgetUnavailableException}, and the client sends nothing; there is no
 *       fallback to an unlimited or local budget. Configure the store client to fail fast (with
 *       Lettuce: {@code ClientOptions.disconnectedBehavior(REJECT_COMMANDS)} and a short command
 *       timeout), or each request waits for its timeout first. A permit closed while the store is
 *       down keeps its in-flight token until its epoch ends (stricter, never looser).
 *   <li><b>Process crash</b>: its in-flight tokens return when the epoch changes, within
 *       2 × {@link #maxPermitHold()}; spent rate tokens stay spent.
 *   <li><b>Store loses its data</b> (a restart without persistence): the rate buckets come back
 *       empty, so no extra request is admitted; the in-flight bucket comes back full, which may
 *       admit K requests more than the arithmetic once. Run Redis with persistence or a replica
 *       when that matters.
 *   <li><b>Clocks</b>: Bucket4j refills with each process's clock, and the epoch is read from
 *       {@link Builder#clock(Clock)}: a host whose clock runs δ ahead sees about r·δ more tokens.
 *       Keep the hosts' skew within the safety margin (NTP), or give the proxy manager one clock.
 *   <li><b>Settings</b>: every process of an account must use the same limits, burst and in-flight
 *       bound; the store keeps the configuration of the first process that created a bucket. To
 *       change them, use a new name.
 * </ul>
 *
 * <p>A {@linkplain #pause(Duration) pause} after a 429 pushes both rate buckets below zero by the
 * tokens the pause would refill, so every process waits it out.
 *
 * <p>Thread safety: safe for any number of threads, clients and processes.
 */
public final class Bucket4jRateBudget implements RateBudget {
  private static final Duration EPOCHS_NEVER_REFILL = Duration.ofDays(3650);
  /** The most epochs one cleaning deletes the in-flight buckets of, after a long idle spell. */
  private static final int MAX_EPOCHS_CLEANED = 1000;

  private final ProxyManager<String> buckets;
  private final String name;
  private final RateLimits limits;
  private final Duration window;
  private final int burst;
  private final int maxInFlight;
  private final Duration maxPermitHold;
  private final Duration pollInterval;
  private final Clock clock;
  private final long epochMillis;
  private final Lane gets;
  private final Lane posts;
  private final AtomicLong cleanedEpoch = new AtomicLong(Long.MIN_VALUE);

  private Bucket4jRateBudget(Builder builder) {
    this.buckets = builder.buckets;
    this.name = builder.name;
    this.limits = builder.limits;
    this.window = builder.window;
    this.burst = builder.burst;
    this.maxInFlight = builder.maxInFlight;
    this.maxPermitHold = builder.maxPermitHold;
    this.pollInterval = builder.pollInterval;
    this.clock = builder.clock;
    this.epochMillis = maxPermitHold.multipliedBy(2).toMillis();
    this.gets = new Lane(Kind.GET);
    this.posts = new Lane(Kind.POST);
  }

  /**
   * Returns a builder for the budget of one account.
   *
   * <p>Example: {@code Bucket4jRateBudget.builder(buckets, "happyfox:acme").build()}.
   *
   * @param buckets the store's proxy manager; for one keyed by {@code byte[]}, pass
   *     {@code buckets.withMapper((String key) -> key.getBytes(StandardCharsets.UTF_8))}
   * @param name the account's name in the store, the prefix of its keys, the same in every
   *     process: printable ASCII without spaces, at most 200 characters; never the API key
   * @return a builder
   */
  public static Builder builder(ProxyManager<String> buckets, String name) {
    return new Builder(buckets, name);
  }

  @Override
  public Acquisition tryAcquire(Kind kind) {
    Lane lane = lane(kind);
    try {
      long epoch = epoch();
      dropEpochsBefore(epoch - 1);
      ConsumptionProbe rate = lane.rate.tryConsumeAndReturnRemaining(1);
      if (!rate.isConsumed()) {
        long wait = Math.max(1, rate.getNanosToWaitForRefill());
        return wait > lane.pauseThresholdNanos
            ? Acquisition.paused(Duration.ofNanos(wait))
            : Acquisition.denied(Duration.ofNanos(wait));
      }
      Bucket inFlight = lane.inFlight(epoch);
      if (!inFlight.tryConsume(1)) {
        lane.rate.addTokens(1); // not sent after all
        return Acquisition.denied(pollInterval);
      }
      return Acquisition.granted(new InFlightPermit(lane, epoch));
    } catch (RuntimeException e) {
      throw unavailable("could not take a " + kind + " permit", e);
    }
  }

  @Override
  public void pause(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      for (Lane lane : new Lane[] {gets, posts}) {
        // Leave the bucket at minus the tokens the pause refills: the next one comes after it.
        double refill = lane.refillPerNano * duration.toNanos();
        long deficit = refill >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) Math.ceil(refill);
        long toConsume = lane.rate.getAvailableTokens() + deficit;
        if (toConsume > 0) {
          lane.rate.consumeIgnoringRateLimits(toConsume);
        }
      }
    } catch (RuntimeException e) {
      throw unavailable("could not record a pause", e);
    }
  }

  @Override
  public Duration estimatedWait(Kind kind, long requests) {
    if (requests <= 0) {
      return Duration.ZERO;
    }
    Lane lane = lane(kind);
    long available;
    try {
      available = lane.rate.getAvailableTokens();
    } catch (RuntimeException e) {
      throw unavailable("could not read the " + kind + " budget", e);
    }
    if (requests <= available) {
      return Duration.ZERO;
    }
    double nanos = ((double) requests - available) / lane.refillPerNano;
    return nanos >= Long.MAX_VALUE ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos((long) nanos);
  }

  /**
   * Returns the longest a permit may stay open; the client bounds each attempt's call timeout by
   * it, which is what keeps the in-flight count within 2K.
   *
   * <p>Example: {@code Optional.of(Duration.ofSeconds(60))} by default.
   *
   * @return the bound
   */
  @Override
  public Optional<Duration> maxPermitHold() {
    return Optional.of(maxPermitHold);
  }

  /**
   * Returns the requests per minute this budget sustains once its buckets are in their steady
   * state: (N − C − 2K) × 60 s / (W + m), scaled to a minute.
   *
   * <p>Example: {@code 472.1} for GET and {@code 275.4} for POST with the defaults.
   *
   * @param kind the kind
   * @return requests per minute
   */
  public double sustainedPerMinute(Kind kind) {
    return lane(kind).refillPerNano * Duration.ofMinutes(1).toNanos();
  }

  /**
   * Describes the budget, never a credential.
   *
   * <p>Example: {@code Bucket4jRateBudget{name=happyfox:acme, RateLimits{GET=500/min,
   * POST=300/min}, burst=4, maxInFlight=8, maxPermitHold=PT1M}}.
   */
  @Override
  public String toString() {
    return "Bucket4jRateBudget{name=" + name + ", " + limits
        + (window.equals(Duration.ofMinutes(1)) ? "" : ", window=" + window)
        + ", burst=" + burst + ", maxInFlight=" + maxInFlight + ", maxPermitHold=" + maxPermitHold
        + "}";
  }

  private Lane lane(Kind kind) {
    return kind == Kind.GET ? gets : posts;
  }

  private long epoch() {
    return Math.floorDiv(clock.millis(), epochMillis);
  }

  /**
   * Deletes the in-flight buckets of epochs before {@code oldest}, once per epoch per process:
   * every epoch since the last cleaning (at most {@value #MAX_EPOCHS_CLEANED}, the oldest first:
   * those hold this process's own buckets), or only {@code oldest - 1} on the first call.
   */
  private void dropEpochsBefore(long oldest) {
    long seen = cleanedEpoch.get();
    if (seen >= oldest || !cleanedEpoch.compareAndSet(seen, oldest)) {
      return;
    }
    long from = seen == Long.MIN_VALUE ? oldest - 1 : seen;
    long to = oldest - from > MAX_EPOCHS_CLEANED ? from + MAX_EPOCHS_CLEANED : oldest;
    for (long epoch = from; epoch < to; epoch++) {
      for (Lane lane : new Lane[] {gets, posts}) {
        buckets.removeProxy(lane.inFlightKey(epoch));
      }
    }
  }

  private RateBudgetUnavailableException unavailable(String what, RuntimeException cause) {
    return new RateBudgetUnavailableException(
        "rate budget " + name + ": " + what + ", the store failed (" + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")",
        cause);
  }

  /** One kind's buckets and arithmetic. */
  private final class Lane {
    final String prefix;
    final double refillPerNano;
    final long pauseThresholdNanos;
    final Supplier<BucketConfiguration> inFlightConfig;
    final Bucket rate;

    Lane(Kind kind) {
      this.prefix = name + ":" + kind.name().toLowerCase(Locale.ROOT);
      int limit = limits.limit(kind);
      long refillTokens = (long) limit - burst - 2L * maxInFlight;
      Duration refillPeriod = window.plus(limits.safetyMargin());
      this.refillPerNano = (double) refillTokens / refillPeriod.toNanos();
      // Without a pause a refused request waits for one token at most; longer means paused.
      this.pauseThresholdNanos = (long) Math.ceil(2 / refillPerNano);
      BucketConfiguration rateBuckets = BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(refillTokens, refillPeriod)
              .initialTokens(0).build())
          .build();
      BucketConfiguration inFlightBuckets = BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(maxInFlight)
              .refillIntervally(maxInFlight, EPOCHS_NEVER_REFILL).build())
          .build();
      this.inFlightConfig = () -> inFlightBuckets;
      this.rate = buckets.getProxy(prefix + ":rate", () -> rateBuckets);
    }

    String inFlightKey(long epoch) {
      return prefix + ":inflight:" + epoch;
    }

    Bucket inFlight(long epoch) {
      return buckets.getProxy(inFlightKey(epoch), inFlightConfig);
    }
  }

  private final class InFlightPermit implements Permit {
    private final Lane lane;
    private final long epoch;
    private final AtomicBoolean closed = new AtomicBoolean();

    InFlightPermit(Lane lane, long epoch) {
      this.lane = lane;
      this.epoch = epoch;
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        if (epoch() - epoch <= 1) { // older epochs' buckets are gone; nothing to give back
          lane.inFlight(epoch).addTokens(1);
        }
      } catch (RuntimeException e) {
        // The store is down: the token stays taken until the epoch ends, which only errs on the
        // safe side; the next acquisition reports the store as unavailable.
      }
    }
  }

  /**
   * Collects and validates the settings of a {@link Bucket4jRateBudget}; {@link #build()} checks
   * them and throws {@link IllegalArgumentException} naming the argument.
   *
   * <p>Example:
   * <pre>{@code
   * Bucket4jRateBudget budget = Bucket4jRateBudget.builder(buckets, "happyfox:acme")
   *     .limits(RateLimits.defaults().withSafetyMargin(Duration.ofSeconds(2)))
   *     .maxInFlight(16)
   *     .build();
   * }</pre>
   *
   * <p>Thread safety: not thread-safe; use one builder from one thread.
   */
  public static final class Builder {
    private final ProxyManager<String> buckets;
    private final String name;
    private RateLimits limits = RateLimits.defaults();
    private Duration window = Duration.ofMinutes(1);
    private int burst = 4;
    private int maxInFlight = 8;
    private Duration maxPermitHold = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofMillis(25);
    private Clock clock = Clock.systemUTC();

    private Builder(ProxyManager<String> buckets, String name) {
      this.buckets = Objects.requireNonNull(buckets, "buckets");
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the limits and the safety margin. Default {@link RateLimits#defaults()}.
     *
     * <p>Example: {@code limits(RateLimits.defaults().withSafetyMargin(Duration.ofSeconds(2)))}
     * for hosts whose clocks may be a second apart.
     *
     * @param limits the limits, not unlimited
     * @return this builder
     */
    public Builder limits(RateLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the most requests of each kind the rate buckets hold: a burst allowance after a quiet
     * spell. Every unit costs one request per window of sustained rate. Default 4.
     *
     * <p>Example: {@code burst(10)}.
     *
     * @param burst at least 1
     * @return this builder
     */
    public Builder burst(int burst) {
      this.burst = burst;
      return this;
    }

    /**
     * Sets the most requests of each kind in flight at once across all processes (twice that
     * while an epoch changes). Every unit costs two requests per window of sustained rate. Default
     * 8.
     *
     * <p>Example: {@code maxInFlight(16)} for bulk POSTs that take two seconds each.
     *
     * @param maxInFlight at least 1
     * @return this builder
     */
    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * Sets the longest a permit may stay open; the client shortens each attempt's call timeout to
     * it. Default 60 s, the client's default call timeout.
     *
     * <p>Example: {@code maxPermitHold(Duration.ofSeconds(90))} with a 90 s call timeout.
     *
     * @param maxPermitHold between 1 ms and one hour
     * @return this builder
     */
    public Builder maxPermitHold(Duration maxPermitHold) {
      this.maxPermitHold = Objects.requireNonNull(maxPermitHold, "maxPermitHold");
      return this;
    }

    /**
     * Sets how long a request waits before asking again when every in-flight token is taken.
     * Default 25 ms.
     *
     * <p>Example: {@code inFlightPollInterval(Duration.ofMillis(5))}.
     *
     * @param pollInterval between 1 ms and 10 s
     * @return this builder
     */
    public Builder inFlightPollInterval(Duration pollInterval) {
      this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
      return this;
    }

    /**
     * Sets the counting window: HappyFox counts per minute, the default; a shorter window is for
     * tests against a server enforcing scaled-down limits.
     *
     * <p>Example: {@code window(Duration.ofSeconds(6))} with a test server that allows 120 GET
     * per 6 s.
     *
     * @param window between 1 s and one hour
     * @return this builder
     */
    public Builder window(Duration window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * Sets the wall clock that numbers the in-flight epochs; every process must read about the
     * same time. Default {@link Clock#systemUTC()}.
     *
     * <p>Example: {@code clock(fakeClock)} in tests, with the proxy manager's
     * {@code clientClock} reading the same fake time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates the settings and creates the budget. Touches the store only on first use.
     *
     * <p>Example: {@code Bucket4jRateBudget.builder(buckets, "happyfox:acme").build()}.
     *
     * @return the budget
     * @throws IllegalArgumentException naming the argument that is invalid, including when
     *     {@code burst + 2 × maxInFlight} leaves no refill within a limit
     */
    public Bucket4jRateBudget build() {
      if (name.isEmpty() || name.length() > 200
          || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(
            "name must be 1 to 200 printable ASCII characters without spaces, like happyfox:acme");
      }
      if (limits.isUnlimited()) {
        throw new IllegalArgumentException("limits must not be unlimited; use RateBudget.unlimited()");
      }
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1 but was " + burst);
      }
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("maxInFlight must be at least 1 but was " + maxInFlight);
      }
      checkRange("maxPermitHold", maxPermitHold, Duration.ofMillis(1), Duration.ofHours(1));
      checkRange("inFlightPollInterval", pollInterval, Duration.ofMillis(1), Duration.ofSeconds(10));
      checkRange("window", window, Duration.ofSeconds(1), Duration.ofHours(1));
      for (Kind kind : Kind.values()) {
        long reserved = (long) burst + 2L * maxInFlight;
        if (reserved >= limits.limit(kind)) {
          throw new IllegalArgumentException(
              "burst + 2 x maxInFlight (" + reserved + ") must be less than the " + kind
                  + " limit (" + limits.limit(kind) + "), or nothing is left to refill");
        }
      }
      return new Bucket4jRateBudget(this);
    }

    private static void checkRange(String name, Duration value, Duration min, Duration max) {
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + " but was " + value);
      }
    }
  }
}
