package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** HappyFox's limits with a hand-moved ticker: no test waits. */
class RateLimitTest {
  private final AtomicLong ticker = new AtomicLong(1_000);

  private void advance(Duration duration) {
    ticker.addAndGet(duration.toNanos());
  }

  private HappyFoxSandbox.Builder builder() {
    return HappyFoxSandbox.builder().ticker(ticker::get).rateLimits(SandboxRateLimits.happyFox());
  }

  @Test
  void theFiveHundredAndFirstGetOfAMinuteIsAnswered429AndBlocksTheAccountForTenMinutes() {
    try (HappyFoxSandbox sandbox = builder().start()) {
      Http http = new Http(sandbox);
      for (int i = 0; i < 500; i++) {
        http.get("user_custom_fields/").expect(200);
      }

      Http.Answer limited = http.get("user_custom_fields/").expect(429);

      assertThat(limited.header("Retry-After")).isEqualTo("600");
      assertThat(http.post("users/", "{\"email\": \"x@example.com\", \"name\": \"X\"}")
          .expect(429).header("Retry-After")).isEqualTo("600");
      advance(Duration.ofSeconds(599));
      assertThat(http.get("users/").expect(429).header("Retry-After")).isEqualTo("1");
      SandboxStats blocked = sandbox.stats();
      assertThat(blocked.blocked()).isTrue();
      assertThat(blocked.blockRemaining()).isEqualTo(Duration.ofSeconds(1));
      assertThat(blocked.rateLimited()).isEqualTo(3);
      assertThat(blocked.getRequests()).isEqualTo(502);
      assertThat(blocked.peakGetsPerWindow()).isEqualTo(500);
      assertThat(blocked.contacts()).isZero();

      advance(Duration.ofSeconds(1));
      http.get("users/").expect(200);
      assertThat(sandbox.stats().blocked()).isFalse();
      assertThat(sandbox.stats().blocks()).isEqualTo(1);
    }
  }

  @Test
  void postsHaveTheirOwnLimitOfThreeHundred() {
    try (HappyFoxSandbox sandbox = builder().start()) {
      Http http = new Http(sandbox);
      for (int i = 0; i < 300; i++) {
        http.post("contact_group/1/update_contacts/", "[{\"contact\": 1}]").expect(404);
      }
      http.get("users/").expect(200);

      http.post("users/", "{\"email\": \"x@example.com\", \"name\": \"X\"}").expect(429);

      assertThat(sandbox.stats().peakPostsPerWindow()).isEqualTo(300);
      assertThat(sandbox.stats().contacts()).isZero();
    }
  }

  @Test
  void requestsLeaveTheRollingWindowAMinuteAfterTheyArrived() {
    try (HappyFoxSandbox sandbox = builder()
        .rateLimits(SandboxRateLimits.of(3, 3, Duration.ofMinutes(1), Duration.ofMinutes(10)))
        .start()) {
      Http http = new Http(sandbox);
      http.get("users/").expect(200);
      advance(Duration.ofSeconds(30));
      http.get("users/").expect(200);
      http.get("users/").expect(200);
      advance(Duration.ofSeconds(30));

      http.get("users/").expect(200);
      assertThat(sandbox.stats().getsInWindow()).isEqualTo(3);
      http.get("users/").expect(429);
    }
  }

  @Test
  void timeScaleShrinksTheWindowAndTheBlockAndRetryAfterIsInRealSecondsRoundedUp() {
    try (HappyFoxSandbox sandbox = builder().timeScale(7)
        .rateLimits(SandboxRateLimits.of(1, 1, Duration.ofMinutes(1), Duration.ofMinutes(10)))
        .start()) {
      Http http = new Http(sandbox);
      http.get("users/").expect(200);
      advance(Duration.ofMillis(60_000 / 7 + 1));
      http.get("users/").expect(200);

      Http.Answer limited = http.get("users/").expect(429);

      assertThat(limited.header("Retry-After")).isEqualTo("86");
      advance(Duration.ofMillis(600_000 / 7 + 1));
      http.get("users/").expect(200);
    }
  }

  @Test
  void aTimeScaleOf600MakesTheTenMinuteBlockOneSecond() {
    try (HappyFoxSandbox sandbox = builder().timeScale(600).start()) {
      Http http = new Http(sandbox);
      for (int i = 0; i < 500; i++) {
        http.get("users/").expect(200);
      }

      assertThat(http.get("users/").expect(429).header("Retry-After")).isEqualTo("1");
      advance(Duration.ofMillis(999));
      http.get("users/").expect(429);
      advance(Duration.ofMillis(1));
      http.get("users/").expect(200);
    }
  }

  @Test
  void unlimitedNeverAnswers429ButStillMeasuresThePeak() {
    try (HappyFoxSandbox sandbox = builder().rateLimits(SandboxRateLimits.unlimited()).start()) {
      Http http = new Http(sandbox);
      for (int i = 0; i < 600; i++) {
        http.get("users/").expect(200);
      }

      assertThat(sandbox.stats().rateLimited()).isZero();
      assertThat(sandbox.stats().peakGetsPerWindow()).isEqualTo(600);
      advance(Duration.ofMinutes(1));
      assertThat(sandbox.stats().getsInWindow()).isZero();
    }
  }

  @Test
  void adminEndpointsAndUnauthenticatedRequestsAreNotCountedAgainstTheLimit() {
    try (HappyFoxSandbox sandbox = builder()
        .rateLimits(SandboxRateLimits.of(1, 1, Duration.ofMinutes(1), Duration.ofMinutes(10)))
        .start()) {
      Http http = new Http(sandbox);
      for (int i = 0; i < 5; i++) {
        http.admin("GET", "stats", null).expect(200);
        new Http(sandbox, "wrong", "wrong").get("users/").expect(401);
      }

      http.get("users/").expect(200);
      assertThat(sandbox.stats().getsInWindow()).isEqualTo(1);
    }
  }

  @Test
  void limitsAreValidated() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        SandboxRateLimits.of(0, 1, Duration.ofMinutes(1), Duration.ofMinutes(1)))
        .withMessageContaining("getsPerWindow");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        SandboxRateLimits.of(1, 1, Duration.ZERO, Duration.ofMinutes(1)))
        .withMessageContaining("window");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        HappyFoxSandbox.builder().timeScale(0)).withMessageContaining("timeScale");
  }
}
