package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

  @Test
  void deltaSeconds() {
    assertThat(RetryAfter.parse("120", NOW)).hasValue(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).hasValue(Duration.ZERO);
  }

  @Test
  void httpDateAgainstTheGivenInstant() {
    assertThat(RetryAfter.parse("Wed, 15 Jan 2025 10:01:30 GMT", NOW))
        .hasValue(Duration.ofSeconds(90));
  }

  @Test
  void httpDateInThePastIsZero() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).hasValue(Duration.ZERO);
  }

  @Test
  void hugeValuesAreBounded() {
    assertThat(RetryAfter.parse("99999999999999999999", NOW).orElseThrow())
        .isEqualTo(Duration.ofDays(366));
  }

  @Test
  void garbageIsEmpty() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
  }
}
