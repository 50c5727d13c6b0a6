package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API_KEY;
import static io.github.hfcontacts.client.MockHappyFox.AUTH_CODE;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.hfcontacts.client.internal.StaleConnectionGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault catalogue: every named fault runs against a loopback server and checks the typed
 * outcome, what went over the wire, and that no canary credential shows in the message,
 * {@code toString}, cause chain, suppressed exceptions, printed stack trace or log lines. The
 * Markdown table {@code docs/fault-catalogue.md} is written from these runs.
 */
class FaultCatalogueTest {
  private static final Path TABLE = Path.of("docs", "fault-catalogue.md");
  private static final String GROUP = Fixtures.read("contact-group-1.json");
  private static final String CONTACT = Fixtures.read("contact.json");
  private static final List<String[]> ROWS = new ArrayList<>();

  /** One fault: how to provoke it and what must come of it. */
  @FunctionalInterface
  interface Scenario {
    /** Runs the fault; returns what was thrown (null when the operation succeeded). */
    Throwable run(MockHappyFox mock) throws Exception;
  }

  private static final class Fault {
    final String stage;
    final String name;
    final String expected;
    final Scenario scenario;

    Fault(String stage, String name, String expected, Scenario scenario) {
      this.stage = stage;
      this.name = name;
      this.expected = expected;
      this.scenario = scenario;
    }
  }

  private final List<Fault> faults = new ArrayList<>();

  private void fault(String stage, String name, String expected, Scenario scenario) {
    faults.add(new Fault(stage, name, expected, scenario));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Throwable thrownBy(Runnable operation) {
    return catchThrowable(operation::run);
  }

  private static Throwable getContact(MockHappyFox mock) {
    return thrownBy(() -> mock.client().contacts().get(1));
  }

  private static Throwable createGroup(MockHappyFox mock) {
    return thrownBy(() -> mock.client().contactGroups().create("VIP", null, List.of()));
  }

  private static Throwable editGroup(MockHappyFox mock) {
    return thrownBy(() -> mock.client().contactGroups().edit(1, "d", null));
  }

  private static MockResponse socket(SocketPolicy policy) {
    return new MockResponse().setSocketPolicy(policy);
  }

  private static void times(MockHappyFox mock, int count, MockResponse response) {
    for (int i = 0; i < count; i++) {
      mock.enqueue(response.clone());
    }
  }

  private static HappyFoxClient shortTimeouts(MockHappyFox mock) {
    return mock.use(mock.builder().readTimeout(Duration.ofMillis(200))
        .callTimeout(Duration.ofSeconds(2)).build());
  }

  private static <E extends Throwable> E expect(Throwable thrown, Class<E> type) {
    assertThat(thrown).isInstanceOf(type);
    return type.cast(thrown);
  }

  private static NetworkException network(Throwable thrown, boolean mayHaveReached, int attempts) {
    NetworkException e = expect(thrown, NetworkException.class);
    assertThat(e.requestMayHaveReachedServer()).as("requestMayHaveReachedServer")
        .isEqualTo(mayHaveReached);
    assertThat(e.attempts()).as("attempts").isEqualTo(attempts);
    return e;
  }

  private static Buffer gzip(byte[] content) throws IOException {
    Buffer compressed = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new GzipSink(compressed))) {
      sink.write(content);
    }
    return compressed;
  }

  // ---- the catalogue ------------------------------------------------------------------------

  private void connections() {
    fault("connect", "connection refused, GET", "NetworkException, not reached, 3 attempts",
        mock -> {
          mock.use(mock.builderFor("http://127.0.0.1:" + MockHappyFox.freePort() + "/").build());
          Throwable thrown = getContact(mock);
          network(thrown, false, 3);
          return thrown;
        });
    fault("connect", "connection refused, non-idempotent POST",
        "NetworkException, not reached, retried (3 attempts)", mock -> {
          mock.use(mock.builderFor("http://127.0.0.1:" + MockHappyFox.freePort() + "/").build());
          Throwable thrown = createGroup(mock);
          network(thrown, false, 3);
          return thrown;
        });
    fault("connect", "accepted then closed before the request is read, GET",
        "NetworkException after 3 attempts", mock -> {
          times(mock, 20, socket(SocketPolicy.DISCONNECT_AT_START));
          Throwable thrown = getContact(mock);
          assertThat(expect(thrown, NetworkException.class).attempts()).isEqualTo(3);
          return thrown;
        });
    fault("request", "disconnect after the request, GET", "NetworkException after 3 attempts",
        mock -> {
          times(mock, 3, socket(SocketPolicy.DISCONNECT_AFTER_REQUEST));
          Throwable thrown = getContact(mock);
          network(thrown, true, 3);
          assertThat(mock.requestCount()).isEqualTo(3);
          return thrown;
        });
    fault("request", "disconnect after the request, non-idempotent POST",
        "NetworkException, may have reached, 1 request (no replay)", mock -> {
          times(mock, 3, socket(SocketPolicy.DISCONNECT_AFTER_REQUEST));
          Throwable thrown = createGroup(mock);
          network(thrown, true, 1);
          assertThat(mock.requestCount()).isEqualTo(1);
          return thrown;
        });
    fault("request", "disconnect after the request, idempotent POST",
        "sent again, succeeds (2 requests)", mock -> {
          mock.enqueue(socket(SocketPolicy.DISCONNECT_AFTER_REQUEST));
          mock.enqueueJson(200, GROUP);
          Throwable thrown = editGroup(mock);
          assertThat(mock.requestCount()).isEqualTo(2);
          return thrown;
        });
    fault("request", "disconnect while the request body is read, non-idempotent POST",
        "NetworkException, 1 request (no replay)", mock -> {
          times(mock, 3, socket(SocketPolicy.DISCONNECT_DURING_REQUEST_BODY));
          Throwable thrown = thrownBy(() -> mock.client().contactGroups()
              .create("VIP", "x".repeat(9000), List.of()));
          assertThat(expect(thrown, NetworkException.class).attempts()).isEqualTo(1);
          return thrown;
        });
    fault("response", "disconnect during the response body, GET",
        "NetworkException after 3 attempts", mock -> {
          times(mock, 3, json(200, "{\"id\": 1, \"name\": \"" + "n".repeat(5000) + "\"}")
              .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
          Throwable thrown = getContact(mock);
          network(thrown, true, 3);
          return thrown;
        });
    fault("response", "disconnect during the response body, non-idempotent POST",
        "NetworkException, may have reached, 1 request", mock -> {
          times(mock, 3, json(200, GROUP + " ".repeat(5000))
              .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
          Throwable thrown = createGroup(mock);
          network(thrown, true, 1);
          return thrown;
        });
    fault("keep-alive", "server closed the idle pooled connection, then a non-idempotent POST",
        "sent on a new connection, succeeds; the server saw one POST", mock -> {
          try (LoopbackHttpServer server = new LoopbackHttpServer(exchange ->
              LoopbackHttpServer.json(200, exchange.method.equals("GET") ? "[]" : GROUP))) {
            server.closeAfterEachResponse = true;
            HappyFoxClient client = mock.use(mock.builderFor(server.baseUrl()).build());
            client.contactGroups().list();
            server.awaitClosed(1);
            mock.clock.advance(StaleConnectionGuard.PROBE_AFTER_IDLE); // idle, on the client's ticker
            Throwable thrown = thrownBy(() -> client.contactGroups().create("VIP", null, List.of()));
            assertThat(server.exchanges).extracting(e -> e.method + " #" + e.connection)
                .containsExactly("GET #1", "POST #2");
            return thrown;
          }
        });
  }

  private void stalls() {
    fault("stall", "no answer after the request, GET (read timeout)",
        "NetworkException (timeout) after 3 attempts", mock -> {
          shortTimeouts(mock);
          times(mock, 3, socket(SocketPolicy.NO_RESPONSE));
          Throwable thrown = getContact(mock);
          network(thrown, true, 3);
          return thrown;
        });
    fault("stall", "no answer after the request, non-idempotent POST",
        "NetworkException, may have reached, 1 request", mock -> {
          shortTimeouts(mock);
          times(mock, 3, socket(SocketPolicy.NO_RESPONSE));
          Throwable thrown = createGroup(mock);
          network(thrown, true, 1);
          return thrown;
        });
    fault("stall", "headers delayed past the read timeout, idempotent POST",
        "sent again after the timeout, succeeds", mock -> {
          shortTimeouts(mock);
          mock.enqueue(json(200, GROUP).setHeadersDelay(2, TimeUnit.SECONDS));
          mock.enqueueJson(200, GROUP);
          Throwable thrown = editGroup(mock);
          String first = MockHappyFox.postedBody(mock.take(), "contact_group/1/");
          assertThat(MockHappyFox.postedBody(mock.take(), "contact_group/1/")).isEqualTo(first);
          assertThat(mock.sleeper.sleeps()).hasSize(1);
          return thrown;
        });
    fault("stall", "socket stalled before the request is read, GET",
        "NetworkException (timeout)", mock -> {
          shortTimeouts(mock);
          times(mock, 3, socket(SocketPolicy.STALL_SOCKET_AT_START));
          Throwable thrown = getContact(mock);
          assertThat(expect(thrown, NetworkException.class).getCause())
              .isInstanceOf(java.io.InterruptedIOException.class);
          return thrown;
        });
    fault("trickle", "body trickling within the timeouts", "succeeds", mock -> {
      mock.enqueue(json(200, CONTACT).throttleBody(64, 5, TimeUnit.MILLISECONDS));
      Throwable thrown = getContact(mock);
      assertThat(mock.requestCount()).isEqualTo(1);
      return thrown;
    });
    fault("trickle", "body trickling past the call timeout, non-idempotent POST",
        "NetworkException (timeout), 1 request", mock -> {
          mock.use(mock.builder().callTimeout(Duration.ofMillis(300)).build());
          times(mock, 3, json(200, GROUP + " ".repeat(2000)).throttleBody(10, 20,
              TimeUnit.MILLISECONDS));
          Throwable thrown = createGroup(mock);
          network(thrown, true, 1);
          return thrown;
        });
  }

  private void bodies() {
    fault("body", "truncated JSON in a 200", "MalformedResponseException", mock -> {
      mock.enqueueJson(200, "{\"id\": 1, \"name\": ");
      return expect(getContact(mock), MalformedResponseException.class);
    });
    fault("body", "an HTML page in a 200", "MalformedResponseException", mock -> {
      mock.enqueue(json(200, Fixtures.read("not-json.html")).setHeader("Content-Type", "text/html"));
      return expect(getContact(mock), MalformedResponseException.class);
    });
    fault("body", "an empty 200", "MalformedResponseException (empty body)", mock -> {
      mock.enqueueJson(200, "");
      Throwable thrown = getContact(mock);
      assertThat(expect(thrown, MalformedResponseException.class)).hasMessageContaining("empty");
      return thrown;
    });
    fault("body", "a 204 where a body is expected", "MalformedResponseException (no body)",
        mock -> {
          mock.enqueue(new MockResponse().setResponseCode(204));
          return expect(getContact(mock), MalformedResponseException.class);
        });
    fault("body", "JSON null in a 200", "MalformedResponseException", mock -> {
      mock.enqueueJson(200, "null");
      return expect(getContact(mock), MalformedResponseException.class);
    });
    fault("body", "an array where an object belongs", "MalformedResponseException", mock -> {
      mock.enqueueJson(200, "[1, 2]");
      return expect(getContact(mock), MalformedResponseException.class);
    });
    fault("body", "10,000 nested arrays", "MalformedResponseException", mock -> {
      mock.enqueueJson(200, "{\"id\": 1, \"custom_fields\": " + "[".repeat(10_000)
          + "]".repeat(10_000) + "}");
      return expect(getContact(mock), MalformedResponseException.class);
    });
    fault("body", "Content-Length over the size cap", "MalformedResponseException, body not read",
        mock -> {
          mock.use(mock.builder().maxResponseBytes(4096).build());
          mock.enqueueJson(200, "\"" + "x".repeat(100_000) + "\"");
          Throwable thrown = getContact(mock);
          assertThat(expect(thrown, MalformedResponseException.class)).hasMessageContaining("limit");
          return thrown;
        });
    fault("body", "chunked body streaming past the size cap", "MalformedResponseException",
        mock -> {
          mock.use(mock.builder().maxResponseBytes(4096).build());
          mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
              .setChunkedBody("\"" + "x".repeat(100_000) + "\"", 1024));
          return expect(getContact(mock), MalformedResponseException.class);
        });
    fault("body", "gzip bomb (2 KiB that inflate to 10 MiB)",
        "MalformedResponseException at the cap on the inflated bytes", mock -> {
          mock.use(mock.builder().maxResponseBytes(64 * 1024).build());
          byte[] inflated = ("\"" + "0".repeat(10 * 1024 * 1024) + "\"")
              .getBytes(StandardCharsets.UTF_8);
          mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
              .setHeader("Content-Encoding", "gzip").setBody(gzip(inflated)));
          Throwable thrown = getContact(mock);
          assertThat(expect(thrown, MalformedResponseException.class)).hasMessageContaining("limit");
          assertThat(mock.take().getHeader("Accept-Encoding")).isEqualTo("gzip");
          return thrown;
        });
    fault("body", "a 2xx holding only an error", "ValidationException with the field errors",
        mock -> {
          mock.enqueueJson(200, Fixtures.read("error-name-required.json"));
          Throwable thrown = createGroup(mock);
          assertThat(expect(thrown, ValidationException.class).fieldErrors()).isNotEmpty();
          return thrown;
        });
    fault("body", "a 2xx holding only an error, after a UTF-8 byte-order mark",
        "ValidationException", mock -> {
          mock.enqueueJson(200, "\uFEFF" + Fixtures.read("error-name-required.json"));
          return expect(createGroup(mock), ValidationException.class);
        });
    fault("body", "a 200 {} where a contact belongs", "MalformedResponseException",
        mock -> {
          mock.enqueueJson(200, "{}");
          return expect(getContact(mock), MalformedResponseException.class);
        });
    fault("body", "a number literal of 200,000 digits", "MalformedResponseException",
        mock -> {
          mock.enqueueJson(200, "{\"id\": 1, \"name\": \"x\", \"custom_fields\": [{\"id\": 6,"
              + " \"type\": \"number\", \"value\": " + "9".repeat(200_000) + "}]}");
          return expect(getContact(mock), MalformedResponseException.class);
        });
  }

  private void numbersAndSecrets() {
    fault("numbers", "custom field 1e999999999, then updateCustomFields",
        "IllegalStateException naming c-cf-6, nothing written", mock -> {
          mock.enqueueJson(200, "{\"id\": 33, \"name\": \"x\", \"email\": \"x@example.com\","
              + " \"custom_fields\": [{\"id\": 6, \"type\": \"number\", \"value\": 1e999999999}]}");
          Throwable thrown = thrownBy(() -> mock.client().contacts()
              .updateCustomFields(33, List.of(CustomFieldValue.text(4, "A"))));
          assertThat(expect(thrown, IllegalStateException.class)).hasMessageContaining("c-cf-6");
          assertThat(mock.requestCount()).isEqualTo(1);
          return thrown;
        });
    fault("numbers", "custom field 1e-999999999 read and printed",
        "unreadable with a reason; toString stays short", mock -> {
          mock.enqueueJson(200, "{\"id\": 33, \"name\": \"x\", \"email\": null,"
              + " \"custom_fields\": [{\"id\": 6, \"type\": \"number\", \"value\": 1e-999999999}]}");
          CustomFieldValues values = CustomFieldValues.from(mock.client().contacts().get(33));
          assertThat(values.unreadableFieldIds()).containsExactly(6L);
          assertThat(values.toString()).hasSizeLessThan(100);
          return null;
        });
    fault("secrets", "the API key where a number belongs",
        "MalformedResponseException; the parser's message is scrubbed", mock -> {
          mock.enqueueJson(200, "{\"id\": \"" + API_KEY + "\"}");
          return expect(getContact(mock), MalformedResponseException.class);
        });
    fault("secrets", "a status line carrying the API key",
        "NetworkException with a scrubbed ProtocolException", mock -> {
          times(mock, 3, json(200, "{}").setStatus("HTTP/1.1 2x0 " + API_KEY));
          return expect(createGroup(mock), NetworkException.class);
        });
    fault("secrets", "an error body echoing the credentials", "ValidationException, scrubbed",
        mock -> {
          mock.enqueueJson(400, Fixtures.read("error-echoing-credentials.json"));
          return expect(createGroup(mock), ValidationException.class);
        });
    fault("secrets", "a response header carrying the auth code", "succeeds; the log is scrubbed",
        mock -> {
          mock.enqueue(json(200, CONTACT).setHeader("X-Debug", AUTH_CODE));
          Throwable thrown = getContact(mock);
          assertThat(mock.logLines).contains("X-Debug: ██");
          return thrown;
        });
  }

  private void retryAfter() {
    fault("Retry-After", "503 with Retry-After: 2 on a GET", "slept 2 s, succeeds", mock -> {
      mock.enqueue(json(503, "{}").setHeader("Retry-After", "2"));
      mock.enqueueJson(200, CONTACT);
      Throwable thrown = getContact(mock);
      assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
      return thrown;
    });
    fault("Retry-After", "503 with an HTTP-date 5 s ahead", "slept 5 s, succeeds", mock -> {
      String date = DateTimeFormatter.RFC_1123_DATE_TIME
          .format(FakeClock.START.plusSeconds(5).atOffset(ZoneOffset.UTC));
      mock.enqueue(json(503, "{}").setHeader("Retry-After", date));
      mock.enqueueJson(200, CONTACT);
      Throwable thrown = getContact(mock);
      assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
      return thrown;
    });
    fault("Retry-After", "503 with an HTTP-date in the past", "retried at once, succeeds",
        mock -> {
          mock.enqueue(json(503, "{}").setHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));
          mock.enqueueJson(200, CONTACT);
          Throwable thrown = getContact(mock);
          assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ZERO);
          return thrown;
        });
    fault("Retry-After", "503 with an unreadable Retry-After", "exponential backoff, succeeds",
        mock -> {
          mock.enqueue(json(503, "{}").setHeader("Retry-After", "soon-ish"));
          mock.enqueueJson(200, CONTACT);
          Throwable thrown = getContact(mock);
          assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
          return thrown;
        });
    fault("Retry-After", "429 without Retry-After (HappyFox's 10-minute block)",
        "RateLimitedException (10 min), not slept, 1 request", mock -> {
          mock.enqueueJson(429, "{}");
          Throwable thrown = getContact(mock);
          assertThat(expect(thrown, RateLimitedException.class).retryAfter())
              .hasValue(Duration.ofMinutes(10));
          assertThat(mock.sleeper.sleeps()).isEmpty();
          return thrown;
        });
    fault("Retry-After", "429 with Retry-After: 1 on a non-idempotent POST",
        "slept 1 s, sent again (429 means not processed), succeeds", mock -> {
          mock.enqueue(json(429, "{}").setHeader("Retry-After", "1"));
          mock.enqueueJson(200, GROUP);
          Throwable thrown = createGroup(mock);
          assertThat(mock.requestCount()).isEqualTo(2);
          return thrown;
        });
    fault("Retry-After", "503 with Retry-After: 0 on a non-idempotent POST",
        "ServerException, 1 request (OkHttp's own follow-up suppressed)", mock -> {
          times(mock, 3, json(503, "{}").setHeader("Retry-After", "0"));
          Throwable thrown = createGroup(mock);
          expect(thrown, ServerException.class);
          assertThat(mock.requestCount()).isEqualTo(1);
          return thrown;
        });
    fault("Retry-After", "Retry-After past the deadline", "thrown at once, not slept", mock -> {
      mock.use(mock.builder().retryPolicy(RetryPolicy.defaults()
          .withMaxTotalTime(Duration.ofSeconds(10)).withMaxRetryAfterWait(Duration.ofMinutes(1)))
          .build());
      mock.enqueue(json(503, "{}").setHeader("Retry-After", "30"));
      Throwable thrown = getContact(mock);
      assertThat(expect(thrown, ServerException.class)).hasMessageContaining("deadline");
      assertThat(mock.sleeper.sleeps()).isEmpty();
      return thrown;
    });
  }

  private void statuses() {
    fault("5xx", "502, 503, then 200 on a GET", "succeeds after 3 attempts", mock -> {
      mock.enqueueJson(502, "{}");
      mock.enqueueJson(503, "{}");
      mock.enqueueJson(200, CONTACT);
      Throwable thrown = getContact(mock);
      assertThat(mock.requestCount()).isEqualTo(3);
      return thrown;
    });
    fault("5xx", "500 twice on a GET", "ServerException after 2 attempts (500 retried once)",
        mock -> {
          times(mock, 3, json(500, "{}"));
          Throwable thrown = getContact(mock);
          assertThat(expect(thrown, ServerException.class).attempts()).isEqualTo(2);
          return thrown;
        });
    fault("5xx", "503 three times on a GET", "ServerException after 3 attempts", mock -> {
      times(mock, 3, json(503, "{}"));
      Throwable thrown = getContact(mock);
      assertThat(expect(thrown, ServerException.class).attempts()).isEqualTo(3);
      return thrown;
    });
    fault("5xx", "500 on a non-idempotent POST", "ServerException, 1 request", mock -> {
      times(mock, 3, json(500, "{}"));
      Throwable thrown = createGroup(mock);
      assertThat(expect(thrown, ServerException.class).attempts()).isEqualTo(1);
      return thrown;
    });
    fault("5xx", "504 then 200 on an idempotent POST", "sent again, succeeds", mock -> {
      mock.enqueueJson(504, "{}");
      mock.enqueueJson(200, GROUP);
      Throwable thrown = editGroup(mock);
      assertThat(mock.requestCount()).isEqualTo(2);
      return thrown;
    });
    fault("status", "401", "AuthenticationException, not retried", mock -> {
      times(mock, 3, json(401, "{}").setHeader("WWW-Authenticate", "Basic realm=\"HappyFox\""));
      Throwable thrown = getContact(mock);
      assertThat(expect(thrown, AuthenticationException.class).attempts()).isEqualTo(1);
      return thrown;
    });
    fault("status", "404", "NotFoundException", mock -> {
      mock.enqueueJson(404, "{}");
      return expect(getContact(mock), NotFoundException.class);
    });
    fault("redirect", "301 to another host", "UnexpectedStatusException, not followed", mock -> {
      times(mock, 2, new MockResponse().setResponseCode(301)
          .setHeader("Location", "https://elsewhere.example/?key=" + API_KEY));
      Throwable thrown = getContact(mock);
      expect(thrown, UnexpectedStatusException.class);
      assertThat(mock.requestCount()).isEqualTo(1);
      return thrown;
    });
    fault("redirect", "307 on a POST", "UnexpectedStatusException, 1 request", mock -> {
      times(mock, 2, new MockResponse().setResponseCode(307).setHeader("Location", "/other/"));
      Throwable thrown = createGroup(mock);
      expect(thrown, UnexpectedStatusException.class);
      assertThat(mock.requestCount()).isEqualTo(1);
      return thrown;
    });
  }

  private void interruptsDeadlinesConcurrency() {
    fault("interrupt", "interrupted while waiting to retry",
        "HappyFoxException, interrupt flag kept, no further request", mock -> {
          mock.sleeper.onSleep(() -> Thread.currentThread().interrupt());
          times(mock, 3, json(503, "{}"));
          RecordingSleeper sleeper = mock.sleeper;
          mock.use(mock.builder().sleeper(duration -> {
            sleeper.sleep(duration);
            if (Thread.interrupted()) {
              throw new InterruptedException("stop");
            }
          }).build());
          Throwable thrown = getContact(mock);
          boolean flag = Thread.interrupted();
          assertThat(thrown).isExactlyInstanceOf(HappyFoxException.class);
          assertThat(flag).isTrue();
          assertThat(mock.requestCount()).isEqualTo(1);
          return thrown;
        });
    fault("interrupt", "thread already interrupted when the call starts",
        "NetworkException, not retried", mock -> {
          times(mock, 3, json(200, CONTACT));
          Thread.currentThread().interrupt();
          Throwable thrown = getContact(mock);
          Thread.interrupted();
          assertThat(expect(thrown, NetworkException.class).attempts()).isEqualTo(1);
          return thrown;
        });
    fault("deadline", "backoff would pass the deadline", "ServerException naming the deadline",
        mock -> {
          mock.use(mock.builder().retryPolicy(RetryPolicy.defaults().withMaxAttempts(10)
              .withMaxTotalTime(Duration.ofSeconds(2))).build());
          times(mock, 10, json(503, "{}"));
          Throwable thrown = getContact(mock);
          assertThat(expect(thrown, ServerException.class)).hasMessageContaining("deadline");
          return thrown;
        });
    fault("concurrency", "8 threads meeting 503 then 200", "all succeed, 16 requests", mock -> {
      HappyFoxClient client = mock.client();
      for (int i = 0; i < 8; i++) {
        mock.enqueueJson(503, "{}");
      }
      times(mock, 8, json(200, CONTACT));
      List<Throwable> thrown = onThreads(8, () -> client.contacts().get(1));
      assertThat(thrown).containsOnlyNulls();
      assertThat(mock.requestCount()).isEqualTo(16);
      return null;
    });
    fault("concurrency", "8 threads creating groups over dropped connections",
        "8 NetworkExceptions, 8 requests: 0 replays", mock -> {
          HappyFoxClient client = mock.client();
          times(mock, 16, socket(SocketPolicy.DISCONNECT_AFTER_REQUEST));
          List<Throwable> thrown =
              onThreads(8, () -> client.contactGroups().create("G", null, List.of()));
          assertThat(thrown).allMatch(t -> t instanceof NetworkException);
          assertThat(mock.requestCount()).isEqualTo(8);
          thrown.forEach(t -> Leaks.assertNone(t, mock.logLines));
          return thrown.get(0);
        });
  }

  private void bulk() {
    fault("bulk", "chunk dropped after HappyFox applied it",
        "sent again; every contact succeeded, none duplicated", mock -> {
          FaultyHappyFox server = new FaultyHappyFox(1, 0);
          mock.server.setDispatcher(server);
          server.script(FaultyHappyFox.Fault.DISCONNECT_AFTER_APPLYING);
          BulkResult<ContactDraft> result = mock.client().contacts()
              .upsertAllResettingOmittedCustomFields(
              BulkSoakTest.drafts().subList(0, 150));
          assertThat(result.succeeded() + result.rejected()).isEqualTo(149);
          assertThat(result.outcomeUnknown()).isEqualTo(1); // the contact without email
          assertThat(server.byEmail).hasSize(147); // 150, less 1 without email, 2 refused
          assertThat(server.withoutEmail).hasSize(1);
          return null;
        });
    fault("bulk", "chunk answered 502 after applying, every time",
        "read back: every contact succeeded", mock -> {
          FaultyHappyFox server = new FaultyHappyFox(1, 0);
          mock.server.setDispatcher(server);
          server.script(FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING,
              FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING);
          List<ContactDraft> drafts = List.of(
              ContactDraft.builder().email("a@example.com").name("A").build(),
              ContactDraft.builder().email("b@example.com").name("B").build());
          BulkResult<ContactDraft> result = mock.client().contacts()
              .upsertAllResettingOmittedCustomFields(drafts);
          assertThat(result.allSucceeded()).isTrue();
          assertThat(result.items().get(0).message().orElseThrow()).startsWith("applied, as read");
          return null;
        });
    fault("bulk", "group membership chunk dropped before applying", "sent again, succeeds",
        mock -> {
          FaultyHappyFox server = new FaultyHappyFox(1, 0);
          mock.server.setDispatcher(server);
          server.script(FaultyHappyFox.Fault.DISCONNECT_BEFORE_APPLYING);
          BulkResult<GroupMember> result = mock.client().contactGroups()
              .addContacts(FaultyHappyFox.GROUP_ID, List.of(GroupMember.of(5, true)));
          assertThat(result.allSucceeded()).isTrue();
          assertThat(server.members).isEqualTo(Map.of(5L, true));
          return null;
        });
  }

  private static List<Throwable> onThreads(int count, Runnable operation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<Throwable>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(() -> catchThrowable(operation::run)));
      }
      List<Throwable> thrown = new ArrayList<>();
      for (Future<Throwable> future : futures) {
        thrown.add(future.get(30, TimeUnit.SECONDS));
      }
      return thrown;
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- running and reporting ------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> catalogue() {
    connections();
    stalls();
    bodies();
    numbersAndSecrets();
    retryAfter();
    statuses();
    interruptsDeadlinesConcurrency();
    bulk();
    return faults.stream().map(fault ->
        DynamicTest.dynamicTest(fault.stage + ": " + fault.name, () -> run(fault)));
  }

  private static void run(Fault fault) throws Exception {
    MockHappyFox mock = new MockHappyFox();
    mock.beforeEach(null);
    AssertionError failure = null;
    Throwable thrown = null;
    boolean leaked = false;
    try {
      thrown = fault.scenario.run(mock);
    } catch (AssertionError | Exception e) {
      failure = e instanceof AssertionError ? (AssertionError) e : new AssertionError(e);
    }
    try {
      Leaks.assertNone(thrown, mock.logLines);
    } catch (AssertionError e) {
      leaked = true;
      failure = failure == null ? e : failure;
    } finally {
      mock.afterEach(null);
    }
    String observed = (thrown == null ? "succeeded" : thrown.getClass().getSimpleName())
        + (leaked ? ", CREDENTIAL LEAKED" : ", no leak");
    record(fault, observed, failure == null ? "pass" : "FAIL");
    if (failure != null) {
      throw failure;
    }
  }

  private static synchronized void record(Fault fault, String observed, String result) {
    ROWS.add(new String[] {fault.stage, fault.name, fault.expected, observed, result});
  }

  @AfterAll
  static void writeTable() throws IOException {
    long checked = ROWS.size();
    long passed = ROWS.stream().filter(r -> r[4].equals("pass")).count();
    StringBuilder out = new StringBuilder()
        .append("# Fault catalogue\n\n")
        .append("Written by `FaultCatalogueTest` on every build (`./mvnw verify`); do not edit.\n")
        .append("Each fault runs against a loopback server, checks the typed outcome and the\n")
        .append("requests on the wire, and checks that no canary credential appears in the\n")
        .append("message, `toString`, cause chain, suppressed exceptions, printed stack trace or\n")
        .append("log lines.\n\n")
        .append("**Faults: ").append(passed).append('/').append(checked).append(" pass; leaks: ")
        .append(ROWS.stream().filter(r -> r[3].contains("LEAKED")).count())
        .append("**");
    out.append("\n\n| # | stage | fault | expected | observed | result |\n")
        .append("|---|---|---|---|---|---|\n");
    int n = 1;
    for (String[] row : ROWS) {
      out.append("| ").append(n++);
      for (String cell : row) {
        out.append(" | ").append(cell.replace("|", "\\|"));
      }
      out.append(" |\n");
    }
    Files.createDirectories(TABLE.getParent());
    Files.writeString(TABLE, out.toString(), StandardCharsets.UTF_8);
  }
}
