package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API;
import static io.github.hfcontacts.client.MockHappyFox.BASIC;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
  private static final String USERS = API + "users/?size=50&page=1";

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private void assertRequests(int count, String method, String path) throws InterruptedException {
    assertThat(mock.server.getRequestCount()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      RecordedRequest request = mock.take();
      assertThat(request.getMethod()).isEqualTo(method);
      assertThat(request.getPath()).isEqualTo(path);
      assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
      if (method.equals("POST")) {
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"name\":\"Ann\"}");
      }
    }
  }

  @Test
  void getIsRetriedOn503ThenSucceeds() throws Exception {
    mock.enqueue(json(503, "{}"));
    mock.enqueue(json(503, "{}"));
    mock.enqueue(json(200, Fixtures.read("users-page.json")));

    Map<String, Object> page = mock.listUsers();

    assertThat(page).containsKey("data");
    // random() is 1.0: the full exponential wait, 500 ms then 1 s.
    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertRequests(3, "GET", USERS);
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 504})
  void getIsRetriedOnGatewayErrors(int status) throws Exception {
    mock.enqueue(json(status, "{}"));
    mock.enqueue(json(200, "{}"));

    mock.listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    assertRequests(2, "GET", USERS);
  }

  @Test
  void getGivesUpAfterMaxAttempts() throws Exception {
    for (int i = 0; i < 4; i++) {
      mock.enqueue(json(503, "{}"));
    }

    ServerException e = Thrown.by(ServerException.class, mock::listUsers);

    assertThat(e).hasMessage("GET " + API + "users/ failed: HTTP 503 after 3 attempts");
    assertThat(e.attempts()).isEqualTo(3);
    assertRequests(3, "GET", USERS);
  }

  @Test
  void http500IsRetriedOnceOnly() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.defaults().withMaxAttempts(5)).build());
    mock.enqueue(json(500, "{}"));
    mock.enqueue(json(500, "{}"));
    mock.enqueue(json(200, "{}"));

    ServerException e = Thrown.by(ServerException.class, mock::listUsers);

    assertThat(e).hasMessage("GET " + API + "users/ failed: HTTP 500 after 2 attempts");
    assertThat(mock.sleeper.sleeps()).hasSize(1);
    assertRequests(2, "GET", USERS);
  }

  @Test
  void backoffIsFullJitterExponentialCappedByMaxDelay() throws Exception {
    mock.use(mock.builder()
        .random(() -> 0.5)
        .retryPolicy(RetryPolicy.defaults()
            .withMaxAttempts(5)
            .withBaseDelay(Duration.ofMillis(200))
            .withMaxDelay(Duration.ofMillis(600)))
        .build());
    for (int i = 0; i < 4; i++) {
      mock.enqueue(json(503, "{}"));
    }
    mock.enqueue(json(200, "{}"));

    mock.listUsers();

    // 0.5 x min(600 ms, 200 ms x 2^n) for n = 0..3
    assertThat(mock.sleeper.sleeps()).containsExactly(
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
        Duration.ofMillis(300));
    assertRequests(5, "GET", USERS);
  }

  @Test
  void getIsRetriedAfterADisconnectDuringTheBody() throws Exception {
    mock.enqueue(json(200, Fixtures.read("users-page.json"))
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    mock.enqueue(json(200, Fixtures.read("users-page.json")));

    assertThat(mock.listUsers()).containsKey("page_info");

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    assertRequests(2, "GET", USERS);
  }

  @Test
  void postIsNotReplayedAfterDisconnectAfterRequest() throws Exception {
    mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    mock.enqueue(json(200, "{}"));

    NetworkException e = Thrown.by(NetworkException.class, mock::createAnn);

    assertThat(e.requestMayHaveReachedServer()).isTrue();
    assertThat(e.getMessage())
        .startsWith("POST " + API + "users/ failed: network error (")
        .endsWith("; the request may have reached HappyFox, so it was not retried");
    assertThat(e.statusCode()).isEmpty();
    assertThat(e.getCause()).isInstanceOf(IOException.class);
    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertRequests(1, "POST", API + "users/");
  }

  @Test
  void postIsNotReplayedAfterDisconnectDuringResponseBody() throws Exception {
    mock.enqueue(json(200, Fixtures.read("contact.json"))
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    mock.enqueue(json(200, "{}"));

    NetworkException e = Thrown.by(NetworkException.class, mock::createAnn);

    assertThat(e.requestMayHaveReachedServer()).isTrue();
    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertRequests(1, "POST", API + "users/");
  }

  @Test
  void postIsNotReplayedEvenWhenTheSuppliedOkHttpClientWouldRetry() throws Exception {
    OkHttpClient eager = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    mock.use(mock.builder().okHttpClient(eager).build());
    mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    mock.enqueue(json(200, "{}"));

    Thrown.by(NetworkException.class, mock::createAnn);

    assertRequests(1, "POST", API + "users/");
  }

  @Test
  void postIsNotReplayedOn503WithRetryAfterZero() throws Exception {
    mock.enqueue(json(503, "{}").setHeader("Retry-After", "0"));
    mock.enqueue(json(200, "{}"));

    ServerException e = Thrown.by(ServerException.class, mock::createAnn);

    assertThat(e.statusCode()).hasValue(503);
    assertRequests(1, "POST", API + "users/");
  }

  @Test
  void postIsRetriedWhenTheConnectionNeverOpened() throws Exception {
    int port = MockHappyFox.freePort();
    MockWebServer late = new MockWebServer();
    late.enqueue(json(200, "{\"id\": 9}"));
    mock.use(mock.builderFor("http://127.0.0.1:" + port + "/").build());
    // The server comes up during the first backoff wait: the first attempt was refused.
    mock.sleeper.onSleep(() -> {
      try {
        late.start(InetAddress.getByName("127.0.0.1"), port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try {
      Map<String, Object> created = mock.createAnn();

      assertThat(created).containsEntry("id", 9.0);
      assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
      assertThat(late.getRequestCount()).isEqualTo(1);
      RecordedRequest request = late.takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getPath()).isEqualTo(API + "users/");
      assertThat(request.getBody().readUtf8()).isEqualTo("{\"name\":\"Ann\"}");
    } finally {
      late.shutdown();
    }
  }

  @Test
  void refusedConnectionReportsThatTheRequestNeverLeft() throws Exception {
    int port = MockHappyFox.freePort();
    mock.use(mock.builderFor("http://127.0.0.1:" + port + "/")
        .retryPolicy(RetryPolicy.none())
        .build());

    NetworkException e = Thrown.by(NetworkException.class, mock::createAnn);

    assertThat(e.requestMayHaveReachedServer()).isFalse();
    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    assertThat(e.getMessage()).startsWith("POST " + API + "users/ failed: network error (")
        .doesNotContain("may have reached");
  }

  @Test
  void postIsRetriedAfter429() throws Exception {
    mock.enqueue(json(429, "{}").setHeader("Retry-After", "2"));
    mock.enqueue(json(200, "{\"id\": 10}"));

    assertThat(mock.createAnn()).containsEntry("id", 10.0);

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertRequests(2, "POST", API + "users/");
  }

  @Test
  void getOn503WithRetryAfterZeroIsRetriedByTheClientNotByOkHttp() throws Exception {
    mock.enqueue(json(503, "{}").setHeader("Retry-After", "0"));
    mock.enqueue(json(200, "{}"));

    mock.listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ZERO);
    assertRequests(2, "GET", USERS);
  }

  @Test
  void retryAfterDeltaSecondsIsHonoured() throws Exception {
    mock.enqueue(json(503, "{}").setHeader("Retry-After", "7"));
    mock.enqueue(json(200, "{}"));

    mock.listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertRequests(2, "GET", USERS);
  }

  @Test
  void retryAfterHttpDateIsMeasuredAgainstTheInjectedClock() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(FakeClock.START.plusSeconds(20).atOffset(ZoneOffset.UTC));
    mock.enqueue(json(429, "{}").setHeader("Retry-After", date));
    mock.enqueue(json(200, "{}"));

    mock.listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(20));
    assertRequests(2, "GET", USERS);
  }

  @Test
  void retryAfterDateInThePastMeansNoWait() throws Exception {
    mock.enqueue(json(429, "{}").setHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));
    mock.enqueue(json(200, "{}"));

    mock.listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ZERO);
    assertRequests(2, "GET", USERS);
  }

  @Test
  void retryAfterOverTheCapIsThrownNotSlept() throws Exception {
    mock.enqueue(json(429, "{}").setHeader("Retry-After", "120"));
    mock.enqueue(json(200, "{}"));

    RateLimitedException e = Thrown.by(RateLimitedException.class, mock::listUsers);

    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120));
    assertThat(e).hasMessage("GET " + API + "users/ failed: HTTP 429 (retry after 120 s)");
    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertRequests(1, "GET", USERS);
  }

  @Test
  void serverRetryAfterOverTheCapIsThrownNotSlept() throws Exception {
    mock.enqueue(json(503, "{}").setHeader("Retry-After", "3600"));
    mock.enqueue(json(200, "{}"));

    ServerException e = Thrown.by(ServerException.class, mock::listUsers);

    assertThat(e.statusCode()).hasValue(503);
    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertRequests(1, "GET", USERS);
  }

  @Test
  void http429WithoutRetryAfterWaitsOutTheTenMinuteBlockWhenAllowed() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.defaults()
            .withMaxRetryAfterWait(Duration.ofMinutes(11))
            .withMaxTotalTime(Duration.ofMinutes(15)))
        .build());
    mock.enqueue(json(429, "{}"));
    mock.enqueue(json(200, "{}"));

    mock.listUsers();

    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMinutes(10));
    assertRequests(2, "GET", USERS);
  }

  @Test
  void overallDeadlineStopsRetrying() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.defaults()
            .withMaxAttempts(10)
            .withMaxTotalTime(Duration.ofSeconds(50)))
        .build());
    for (int i = 0; i < 5; i++) {
      mock.enqueue(json(503, "{}").setHeader("Retry-After", "20"));
    }

    ServerException e = Thrown.by(ServerException.class, mock::listUsers);

    assertThat(e).hasMessage("GET " + API + "users/ failed: HTTP 503 after 3 attempts; "
        + "waiting 20 s more would pass the 50 s deadline");
    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
    assertRequests(3, "GET", USERS);
  }

  @Test
  void clientErrorsAreNeverRetried() throws Exception {
    mock.enqueue(json(404, "{}"));
    mock.enqueue(json(200, "{}"));

    Thrown.by(NotFoundException.class, mock::listUsers);

    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertRequests(1, "GET", USERS);
  }

  @Test
  void interruptionDuringAWaitStopsTheOperationAndKeepsTheFlag() throws Exception {
    mock.use(mock.builder().sleeper(duration -> {
      throw new InterruptedException();
    }).build());
    mock.enqueue(json(503, "{}"));
    mock.enqueue(json(200, "{}"));

    HappyFoxException e = Thrown.by(HappyFoxException.class, mock::listUsers);

    assertThat(Thread.interrupted()).isTrue(); // also clears the flag for the next tests
    assertThat(e.getClass()).isEqualTo(HappyFoxException.class);
    assertThat(e).hasMessage("GET " + API + "users/ failed: interrupted while waiting 500 ms");
    assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
    assertThat(e.getSuppressed()).singleElement().isInstanceOf(ServerException.class);
    assertRequests(1, "GET", USERS);
  }
}
