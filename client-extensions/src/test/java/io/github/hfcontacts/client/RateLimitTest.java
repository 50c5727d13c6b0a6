package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private void listUsers() {
    mock.transport().execute(mock.api().list(10, 1));
  }

  @Test
  void fourthGetWithinAMinuteWaitsForTheWindowToSlide() throws Exception {
    mock.use(mock.builder().rateLimits(RateLimits.of(3, 300)).build());
    for (int i = 0; i < 4; i++) {
      mock.enqueue(json(200, "{}"));
    }

    for (int i = 0; i < 3; i++) {
      listUsers();
    }
    assertThat(mock.sleeper.sleeps()).isEmpty();
    listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMinutes(1));
    assertThat(mock.server.getRequestCount()).isEqualTo(4);
    for (int i = 0; i < 4; i++) {
      RecordedRequest request = mock.take();
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getPath()).isEqualTo(API + "users/?size=10&page=1");
    }
  }

  @Test
  void spacedRequestsWaitOnlyForTheOldestToLeaveTheWindow() throws Exception {
    mock.use(mock.builder().rateLimits(RateLimits.of(2, 300)).build());
    for (int i = 0; i < 3; i++) {
      mock.enqueue(json(200, "{}"));
    }

    listUsers();
    mock.clock.advance(Duration.ofSeconds(45));
    listUsers();
    listUsers(); // the first left the window at 60 s: 15 s from now

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(15));
    assertThat(mock.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void postsHaveTheirOwnBudget() throws Exception {
    mock.use(mock.builder().rateLimits(RateLimits.of(5, 1)).build());
    for (int i = 0; i < 4; i++) {
      mock.enqueue(json(200, "{}"));
    }

    mock.createAnn();
    listUsers();
    listUsers();
    assertThat(mock.sleeper.sleeps()).isEmpty();
    mock.createAnn();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMinutes(1));
    assertThat(mock.take().getMethod()).isEqualTo("POST");
    assertThat(mock.take().getMethod()).isEqualTo("GET");
    assertThat(mock.take().getMethod()).isEqualTo("GET");
    assertThat(mock.take().getBody().readUtf8()).isEqualTo("{\"name\":\"Ann\"}");
  }

  @Test
  void retriesSpendTheBudgetToo() throws Exception {
    mock.use(mock.builder().rateLimits(RateLimits.of(2, 300)).build());
    mock.enqueue(json(503, "{}"));
    mock.enqueue(json(200, "{}"));
    mock.enqueue(json(200, "{}"));

    listUsers(); // two requests: 503, then 200 after 500 ms of backoff
    listUsers(); // third request in the window: waits until 60 s after the first

    assertThat(mock.sleeper.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(59_500));
    assertThat(mock.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void waitBeyondTheDeadlineIsThrownNotSlept() throws Exception {
    mock.use(mock.builder()
        .rateLimits(RateLimits.of(1, 1))
        .retryPolicy(RetryPolicy.defaults().withMaxTotalTime(Duration.ofSeconds(30)))
        .build());
    mock.enqueue(json(200, "{}"));
    mock.enqueue(json(200, "{}"));
    listUsers();

    RateLimitedException e = Thrown.by(RateLimitedException.class, this::listUsers);

    assertThat(e).hasMessage("GET " + API + "users/ failed: not sent, the client-side rate limit "
        + "of 1 GET requests per minute frees a slot in 60 s, after the 30 s deadline");
    assertThat(e.statusCode()).isEmpty();
    assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(1));
    assertThat(e.attempts()).isZero();
    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void defaultsAreHappyFoxAccountLimits() {
    assertThat(RateLimits.defaults()).isEqualTo(RateLimits.of(500, 300));
    assertThat(RateLimits.defaults().isUnlimited()).isFalse();
    assertThat(RateLimits.unlimited().isUnlimited()).isTrue();
  }

  @Test
  void limitsAreValidatedNamingTheArgument() {
    assertThat(Thrown.by(IllegalArgumentException.class, () -> RateLimits.of(0, 300)))
        .hasMessage("getsPerMinute must be between 1 and 10000 but was 0");
    assertThat(Thrown.by(IllegalArgumentException.class, () -> RateLimits.of(500, -1)))
        .hasMessage("postsPerMinute must be between 1 and 10000 but was -1");
  }
}
