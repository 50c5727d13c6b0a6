package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogTest {
  @TempDir Path dir;

  @Test
  void aRunAfterOneAtTheCeilingWaitsForItsRequestsToLeaveTheMinute() throws IOException {
    long now = System.currentTimeMillis();
    try (RequestLog earlier = RequestLog.open(dir, "acme.happyfox.com", Duration.ofMinutes(1))) {
      for (int i = 0; i < 490; i++) {
        earlier.record("GET", now - 30_000 + i * 10); // 490 GETs between 30 s and 25 s ago
      }
      earlier.record("POST", now - 1_000);
    }

    try (RequestLog next = RequestLog.open(dir, "acme.happyfox.com", Duration.ofMinutes(1))) {
      // Budget 490 of 500: at most 5 earlier GETs may remain, so wait until the 485th has left.
      Duration wait = next.waitBeforeStart(490, 294, now);
      assertThat(wait.toMillis()).isEqualTo(-30_000 + 484 * 10 + 60_000 + 1);
      // A run with half the budget may start once 125 are left: the 365th oldest is gone.
      assertThat(next.waitBeforeStart(250, 150, now).toMillis())
          .isEqualTo(-30_000 + 364 * 10 + 60_000 + 1);
    }
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
      assertThat(next.waitBeforeStart(490, 294, now)).isZero();
      assertThat(Files.readString(next.file())).isEmpty();
    }
  }

  @Test
  void eachAccountHasItsOwnLog() throws IOException {
    long now = System.currentTimeMillis();
    try (RequestLog acme = RequestLog.open(dir, "acme.happyfox.com", Duration.ofMinutes(1))) {
      for (int i = 0; i < 300; i++) {
        acme.record("POST", now - 100);
      }
    }

    try (RequestLog other = RequestLog.open(dir, "http://127.0.0.1:8080/",
        Duration.ofMinutes(1))) {
      assertThat(other.waitBeforeStart(490, 294, now)).isZero();
      assertThat(other.file().getFileName().toString())
          .isEqualTo("requests-http_127.0.0.1_8080_.log");
    }
  }
}
