package io.github.hfcontacts.client.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Parses a {@code Retry-After} header value: delta-seconds ({@code 120}) or an HTTP-date
 * ({@code Wed, 21 Oct 2015 07:28:00 GMT}), the latter measured against the client's clock. Not
 * API.
 *
 * <p>Thread safety: stateless.
 */
public final class RetryAfter {
  // Far beyond any wait the client would sleep; bounds the arithmetic.
  private static final long MAX_SECONDS = 366L * 24 * 3600;

  private RetryAfter() {}

  /**
   * Returns the wait a {@code Retry-After} value asks for.
   *
   * @param value the header value
   * @param now the current instant of the client's clock
   * @return the wait, zero for a date in the past, or empty when the value is not valid
   */
  public static Optional<Duration> parse(String value, Instant now) {
    String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (trimmed.length() > 10) {
        return Optional.of(Duration.ofSeconds(MAX_SECONDS));
      }
      return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(trimmed), MAX_SECONDS)));
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      if (wait.isNegative()) {
        return Optional.of(Duration.ZERO);
      }
      return Optional.of(wait.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : wait);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
