package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The domain tests' HappyFox: a MockWebServer on 127.0.0.1 and a client built with the public
 * builder, pointed at it through the loopback-http opt-in, with no rate limit, a fixed clock and a
 * sleeper that only records (so no test ever sleeps). Register with {@code @RegisterExtension}.
 */
final class DomainServer implements BeforeEachCallback, AfterEachCallback {
  static final String API = "/api/1.1/json/";
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  final MockWebServer server = new MockWebServer();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private HappyFoxClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (client != null) {
      client.close();
    }
    server.shutdown();
  }

  HappyFoxClient client() {
    if (client == null) {
      client = HappyFoxClient.builder()
          .baseUrl(server.url("/").toString())
          .allowInsecureHttpForLoopback()
          .credentials("test-key", "test-code")
          .rateLimits(RateLimits.unlimited())
          .clock(Clock.fixed(Instant.parse("2025-11-04T10:00:00Z"), ZoneOffset.UTC))
          .sleeper(sleeps::add)
          .random(() -> 0.0)
          .build();
    }
    return client;
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  void enqueueJson(int code, String body) {
    server.enqueue(json(code, body));
  }

  void enqueueFixture(String name) {
    server.enqueue(json(200, fixture(name)));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  static String fixture(String name) {
    try (InputStream in = DomainServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next request the server received; fails if none arrives. */
  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server received no request");
    }
    return request;
  }

  int requestCount() {
    return server.getRequestCount();
  }

  /** Parses JSON into maps, lists, strings, doubles, booleans and nulls, for comparisons. */
  static Object parse(String json) {
    try {
      return JSON.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts a GET of exactly {@code pathAndQuery} (relative to the API base) without a body. */
  static void assertGet(RecordedRequest request, String pathAndQuery) {
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo(API + pathAndQuery);
    assertThat(request.getBodySize()).isZero();
  }

  /** Asserts a JSON POST to {@code path} whose body equals {@code expectedJson} as JSON. */
  static String assertPost(RecordedRequest request, String path, String expectedJson) {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo(API + path);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    String body = request.getBody().readUtf8();
    assertThat(parse(body)).as("body of POST %s: %s", path, body).isEqualTo(parse(expectedJson));
    return body;
  }
}
