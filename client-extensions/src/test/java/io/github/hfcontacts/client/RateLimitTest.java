package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {
  private static final String USERS = API + "users/?size=10&page=1";

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private void listUsers() {
    mock.transport().execute(mock.api().list(10, 1));
  }

  @Test
  void fourthGetWithinAMinuteWaitsAMinuteAndTheMarginAfterTheFirstAnswer() throws Exception {
    mock.use(mock.builder().rateLimits(RateLimits.of(3, 300)).build());
    for (int i = 0; i < 4; i++) {
      mock.enqueue(json(200, "{}"));
    }

    for (int i = 0; i < 3; i++) {
      listUsers();
    }
    assertThat(mock.sleeper.sleeps()).isEmpty();
    listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(61));
    assertThat(mock.server.getRequestCount()).isEqualTo(4);
    for (int i = 0; i < 4; i++) {
      RecordedRequest request = mock.take();
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getPath()).isEqualTo(USERS);
    }
  }

  @Test
  void aSlotIsCountedFromTheAnswerNotFromTheSend() throws Exception {
    mock.use(mock.builder().rateLimits(RateLimits.of(1, 300)).build());
    List<Duration> arrivals = new CopyOnWriteArrayList<>();
    mock.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(mock.clock.elapsed());
        mock.clock.advance(Duration.ofSeconds(5)); // a slow first answer, in simulated time
        return json(200, "{}");
      }
    });

    listUsers(); // sent at 0 s, answered at 5 s: may have arrived at any time up to 5 s
    listUsers();

    // The old limiter sent the second at 60 s, inside a minute of an arrival at 5 s.
    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(61));
    assertThat(arrivals).containsExactly(Duration.ZERO, Duration.ofSeconds(66));
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
    listUsers(); // the first is counted until 61 s: 16 s from now

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(16));
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

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(61));
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
    listUsers(); // third request: waits until 61 s after the first answer

    assertThat(mock.sleeper.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(60_500));
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

    assertThat(e).hasMessage("GET " + API + "users/ failed: not sent, the rate budget has no GET "
        + "slot for 61 s, past the 30 s deadline");
    assertThat(e.statusCode()).isEmpty();
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(61));
    assertThat(e.attempts()).isZero();
    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a429PausesEveryClientOfTheAccount() throws Exception {
    HappyFoxClient first = mock.use(mock.builder()
        .rateLimits(RateLimits.defaults()).retryPolicy(RetryPolicy.none()).build());
    mock.enqueue(json(429, "{}").setHeader("Retry-After", "20"));
    mock.enqueue(json(200, "{}"));
    Thrown.by(RateLimitedException.class,
        () -> first.transport().execute(mock.api().list(10, 1)));

    try (HappyFoxClient second = mock.builder().rateLimits(RateLimits.defaults()).build()) {
      second.transport().execute(
          second.transport().retrofit(new com.squareup.moshi.Moshi.Builder().build())
              .create(TestApi.class).list(10, 1));
    }

    // The second client never saw the 429 itself, yet waited it out before sending.
    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(20));
    assertThat(mock.server.getRequestCount()).isEqualTo(2);
    assertThat(mock.take().getPath()).isEqualTo(USERS);
    assertThat(mock.take().getPath()).isEqualTo(USERS);
  }

  @Test
  void aPauseLongerThanTheDeadlineIsThrownWithoutSending() throws Exception {
    mock.use(mock.builder().rateLimits(RateLimits.defaults()).build());
    mock.enqueue(json(429, "{}")); // no Retry-After: HappyFox's 10-minute block

    Thrown.by(RateLimitedException.class, this::listUsers);
    RateLimitedException e = Thrown.by(RateLimitedException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: not sent, the account's rate budget "
        + "is paused after a 429 for 600 s, past the 120 s deadline");
    assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(10));
    assertThat(e.attempts()).isZero();
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnavailableBudgetStopsTheRequestWithATypedError() throws Exception {
    IllegalStateException storeDown = new IllegalStateException("store unreachable");
    mock.use(mock.builder().rateBudget(new StubBudget(storeDown, null)).build());
    mock.enqueue(json(200, "{}"));

    RateBudgetUnavailableException e =
        Thrown.by(RateBudgetUnavailableException.class, mock::createAnn);

    assertThat(e).hasMessage("POST " + API + "users/ failed: not sent, the rate budget is "
        + "unavailable (IllegalStateException: store unreachable)");
    assertThat(e.getCause()).isSameAs(storeDown);
    assertThat(e.attempts()).isZero();
    assertThat(mock.server.getRequestCount()).isZero();
  }

  @Test
  void theBudgetsLongestHoldBoundsEachAttempt() throws Exception {
    mock.use(mock.builder()
        .rateBudget(new StubBudget(null, Duration.ofMillis(300)))
        .retryPolicy(RetryPolicy.none())
        .build());
    mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    NetworkException e = Thrown.by(NetworkException.class, this::listUsers);

    assertThat(e.getMessage()).contains("timeout");
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fakeTimeNeverShortensARealNetworkTimeout() throws Exception {
    // The budget's wait spends all but 1 ms of the deadline in fake time; the real call that
    // follows takes 200 ms and must still get its whole call timeout.
    mock.use(mock.builder()
        .rateLimits(RateLimits.of(1, 1))
        .retryPolicy(RetryPolicy.none().withMaxTotalTime(Duration.ofMillis(61_001)))
        .build());
    mock.enqueue(json(200, "{}"));
    mock.enqueue(json(200, "{}").setBodyDelay(200, TimeUnit.MILLISECONDS));
    listUsers();

    listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(61));
    assertThat(mock.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void defaultsAreHappyFoxAccountLimits() {
    assertThat(RateLimits.defaults()).isEqualTo(RateLimits.of(500, 300));
    assertThat(RateLimits.defaults().safetyMargin()).isEqualTo(Duration.ofSeconds(1));
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

  /** An unlimited budget whose store may be down, and whose permits may have a longest hold. */
  private static final class StubBudget implements RateBudget {
    private final RuntimeException failure;
    private final Duration hold;

    StubBudget(RuntimeException failure, Duration hold) {
      this.failure = failure;
      this.hold = hold;
    }

    @Override
    public Acquisition tryAcquire(Kind kind) {
      if (failure != null) {
        throw failure;
      }
      return RateBudget.unlimited().tryAcquire(kind);
    }

    @Override
    public void pause(Duration duration) {}

    @Override
    public Duration estimatedWait(Kind kind, long requests) {
      return Duration.ZERO;
    }

    @Override
    public Optional<Duration> maxPermitHold() {
      return Optional.ofNullable(hold);
    }
  }
}
