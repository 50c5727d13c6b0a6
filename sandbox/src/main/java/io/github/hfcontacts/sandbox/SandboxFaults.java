package io.github.hfcontacts.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults a {@link HappyFoxSandbox} injects into API requests (never into the {@code /_sandbox/}
 * admin endpoints), for testing how a client copes: a fixed latency, a share of requests answered
 * with a 5xx status, and a share of requests whose connection is closed after the request was read,
 * without any response. Which requests fail is drawn from a random generator seeded with
 * {@link #seed()}, so a single-threaded test sees the same faults on every run.
 *
 * <p>By default a failed request is not applied. {@link #withAppliedBeforeFailing(boolean)} makes
 * the sandbox apply it first (the write happened, the answer was lost): the case a client must
 * never blindly replay.
 *
 * <p>Example:
 * <pre>{@code
 * SandboxFaults faults = SandboxFaults.none()
 *     .withLatency(Duration.ofMillis(20))
 *     .withServerErrorRate(0.1)      // 10 % answered 503
 *     .withDisconnectRate(0.05)      // 5 % dropped after the request was read
 *     .withSeed(42);
 * }</pre>
 *
 * <p>Thread safety: immutable.
 */
public final class SandboxFaults {
  private static final SandboxFaults NONE = new SandboxFaults(Duration.ZERO, 0, 503, 0, 0, false);

  private final Duration latency;
  private final double serverErrorRate;
  private final int serverErrorStatus;
  private final double disconnectRate;
  private final long seed;
  private final boolean appliedBeforeFailing;

  private SandboxFaults(Duration latency, double serverErrorRate, int serverErrorStatus,
      double disconnectRate, long seed, boolean appliedBeforeFailing) {
    if (serverErrorRate + disconnectRate > 1.0) {
      throw new IllegalArgumentException("serverErrorRate + disconnectRate must be at most 1, was "
          + serverErrorRate + " + " + disconnectRate);
    }
    this.latency = latency;
    this.serverErrorRate = serverErrorRate;
    this.serverErrorStatus = serverErrorStatus;
    this.disconnectRate = disconnectRate;
    this.seed = seed;
    this.appliedBeforeFailing = appliedBeforeFailing;
  }

  /**
   * No faults: the default.
   *
   * @return faults that never fire
   */
  public static SandboxFaults none() {
    return NONE;
  }

  /**
   * Returns a copy that delays every API response by {@code latency} (real time).
   *
   * <p>Example: {@code none().withLatency(Duration.ofMillis(50))}.
   *
   * @param latency zero or positive
   * @return the copy
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public SandboxFaults withLatency(Duration latency) {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + latency);
    }
    return new SandboxFaults(latency, serverErrorRate, serverErrorStatus, disconnectRate, seed,
        appliedBeforeFailing);
  }

  /**
   * Returns a copy that answers this share of API requests with {@link #serverErrorStatus()}.
   *
   * <p>Example: {@code none().withServerErrorRate(0.25)} fails about one request in four.
   *
   * @param rate from 0 to 1
   * @return the copy
   * @throws IllegalArgumentException if {@code rate} is outside [0, 1], or the rates add up to
   *     more than 1
   */
  public SandboxFaults withServerErrorRate(double rate) {
    return new SandboxFaults(latency, checkRate("serverErrorRate", rate), serverErrorStatus,
        disconnectRate, seed, appliedBeforeFailing);
  }

  /**
   * Returns a copy whose server errors use this status (default 503).
   *
   * <p>Example: {@code withServerErrorStatus(500)}.
   *
   * @param status 500 to 599
   * @return the copy
   * @throws IllegalArgumentException if {@code status} is not a 5xx status
   */
  public SandboxFaults withServerErrorStatus(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("serverErrorStatus must be 500 to 599, was " + status);
    }
    return new SandboxFaults(latency, serverErrorRate, status, disconnectRate, seed,
        appliedBeforeFailing);
  }

  /**
   * Returns a copy that closes the connection of this share of API requests after reading the
   * request, without answering.
   *
   * <p>Example: {@code none().withDisconnectRate(0.1)}.
   *
   * @param rate from 0 to 1
   * @return the copy
   * @throws IllegalArgumentException if {@code rate} is outside [0, 1], or the rates add up to
   *     more than 1
   */
  public SandboxFaults withDisconnectRate(double rate) {
    return new SandboxFaults(latency, serverErrorRate, serverErrorStatus,
        checkRate("disconnectRate", rate), seed, appliedBeforeFailing);
  }

  /**
   * Returns a copy whose fault draws start from this seed.
   *
   * <p>Example: {@code withSeed(42)}.
   *
   * @param seed any value
   * @return the copy
   */
  public SandboxFaults withSeed(long seed) {
    return new SandboxFaults(latency, serverErrorRate, serverErrorStatus, disconnectRate, seed,
        appliedBeforeFailing);
  }

  /**
   * Returns a copy that applies a request before failing it (5xx or disconnect), so the write
   * happened although the client saw a failure.
   *
   * <p>Example: {@code withDisconnectRate(1).withAppliedBeforeFailing(true)} stores every upsert
   * and answers none.
   *
   * @param applied whether failed requests are applied first
   * @return the copy
   */
  public SandboxFaults withAppliedBeforeFailing(boolean applied) {
    return new SandboxFaults(latency, serverErrorRate, serverErrorStatus, disconnectRate, seed,
        applied);
  }

  private static double checkRate(String name, double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(name + " must be from 0 to 1, was " + rate);
    }
    return rate;
  }

  /**
   * Returns the latency added to every API response.
   *
   * @return zero when off
   */
  public Duration latency() {
    return latency;
  }

  /**
   * Returns the share of API requests answered with a server error.
   *
   * @return from 0 to 1
   */
  public double serverErrorRate() {
    return serverErrorRate;
  }

  /**
   * Returns the status of injected server errors.
   *
   * @return 500 to 599, default 503
   */
  public int serverErrorStatus() {
    return serverErrorStatus;
  }

  /**
   * Returns the share of API requests whose connection is closed without an answer.
   *
   * @return from 0 to 1
   */
  public double disconnectRate() {
    return disconnectRate;
  }

  /**
   * Returns the seed of the fault draws.
   *
   * @return the seed, default 0
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns whether a failed request is applied before it fails.
   *
   * @return default {@code false}
   */
  public boolean appliedBeforeFailing() {
    return appliedBeforeFailing;
  }

  /**
   * Returns whether any fault is switched on.
   *
   * @return {@code false} for {@link #none()}
   */
  public boolean isActive() {
    return !latency.isZero() || serverErrorRate > 0 || disconnectRate > 0;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SandboxFaults)) {
      return false;
    }
    SandboxFaults that = (SandboxFaults) other;
    return latency.equals(that.latency) && serverErrorRate == that.serverErrorRate
        && serverErrorStatus == that.serverErrorStatus && disconnectRate == that.disconnectRate
        && seed == that.seed && appliedBeforeFailing == that.appliedBeforeFailing;
  }

  @Override
  public int hashCode() {
    return Objects.hash(latency, serverErrorRate, serverErrorStatus, disconnectRate, seed,
        appliedBeforeFailing);
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code SandboxFaults{latency PT0.02S, 503 rate 0.1, disconnect rate 0.05, seed 42}}
   */
  @Override
  public String toString() {
    if (!isActive()) {
      return "SandboxFaults{none}";
    }
    return "SandboxFaults{latency " + latency + ", " + serverErrorStatus + " rate " + serverErrorRate
        + ", disconnect rate " + disconnectRate + ", seed " + seed
        + (appliedBeforeFailing ? ", applied before failing" : "") + "}";
  }
}
