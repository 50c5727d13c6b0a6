package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.RateBudget;
import io.github.hfcontacts.client.RateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogTest {
  @TempDir Path dir;

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void aRunAfterOneAtTheCeilingStartsWithThoseRequestsSpent() throws IOException {
    long now = System.currentTimeMillis();
    try (RequestLog earlier = RequestLog.open(dir, "acme.happyfox.com", Duration.ofMinutes(1))) {
      for (int i = 0; i < 490; i++) {
        earlier.record("GET", now - 30_000 + i * 10); // 490 GETs between 30 s and 25 s ago
      }
      earlier.record("POST", now - 1_000);
      earlier.record("POST", now - 120_000); // older than the minute
    }
    RateBudget budget = RateBudget.inMemory(RateLimits.defaults(), nanos::get);

    try (RequestLog next = RequestLog.open(dir, "acme.happyfox.com", Duration.ofMinutes(1))) {
      assertThat(next.spendEarlierRequests(budget, now)).isEqualTo(491);
    }

    assertThat(grants(budget, RateBudget.Kind.GET, 20)).isEqualTo(10); // 500 - 490
    assertThat(grants(budget, RateBudget.Kind.POST, 400)).isEqualTo(299);
  }

  @Test
  void requestsOlderThanTheMinuteAreForgotten() throws IOException {
    long now = System.currentTimeMillis();
    try (RequestLog earlier = RequestLog.open(dir, "acme.happyfox.com", Duration.ofSeconds(6))) {
      for (int i = 0; i < 300; i++) {
        earlier.record("POST", now - 7_000);
      }
    }

    try (RequestLog next = RequestLog.open(dir, "acme.happyfox.com", Duration.ofSeconds(6))) {
      assertThat(next.spendEarlierRequests(
          RateBudget.inMemory(RateLimits.defaults(), nanos::get), now)).isZero();
      assertThat(Files.readString(next.file())).isEmpty();
    }
  }

  @Test
  void eachAccountHasItsOwnLog() throws IOException {
    long now = System.currentTimeMillis();
    try (RequestLog acme = RequestLog.open(dir, "acme.happyfox.com", Duration.ofMinutes(1))) {
      acme.record("POST", now - 100);
    }

    try (RequestLog other = RequestLog.open(dir, "http://127.0.0.1:8080/",
        Duration.ofMinutes(1))) {
      assertThat(other.spendEarlierRequests(
          RateBudget.inMemory(RateLimits.defaults(), nanos::get), now)).isZero();
      assertThat(other.file().getFileName().toString())
          .isEqualTo("requests-http_127.0.0.1_8080_.log");
    }
  }

  private static int grants(RateBudget budget, RateBudget.Kind kind, int tries) {
    int granted = 0;
    for (int i = 0; i < tries; i++) {
      RateBudget.Acquisition acquisition = budget.tryAcquire(kind);
      if (acquisition.isGranted()) {
        acquisition.permit().close();
        granted++;
      }
    }
    return granted;
  }
}
