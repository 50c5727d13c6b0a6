package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests' HappyFox: a MockWebServer on 127.0.0.1 plus a client built with the public builder,
 * pointed at it through the loopback-http opt-in, with canary credentials, no rate limit, a fake
 * clock and ticker, a sleeper that only records and advances that clock (so no test ever sleeps),
 * deterministic jitter (always the maximum) and header logging into {@link #logLines}. Register
 * with {@code @RegisterExtension}.
 */
final class MockHappyFox implements BeforeEachCallback, AfterEachCallback {
  static final String API_KEY = "CANARY-KEY-7f3a";
  static final String AUTH_CODE = "CANARY-AUTH-9c1e";
  static final String BASIC =
      "Basic " + Base64.getEncoder()
          .encodeToString((API_KEY + ":" + AUTH_CODE).getBytes(StandardCharsets.UTF_8));
  static final String API = "/api/1.1/json/";
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  final MockWebServer server = new MockWebServer();
  final FakeClock clock = new FakeClock();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final List<String> logLines = new CopyOnWriteArrayList<>();
  private HappyFoxClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    // A request no test queued an answer for gets one at once instead of hanging until a timeout.
    QueueDispatcher queue = new QueueDispatcher();
    queue.setFailFast(new MockResponse().setResponseCode(418)
        .setHeader("Content-Type", "application/json").setBody("{\"error\": \"nothing queued\"}"));
    server.setDispatcher(queue);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (client != null) {
      client.close();
    }
    server.shutdown();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/";
  }

  /** A builder pointing at the mock, with everything injectable injected. */
  HappyFoxClient.Builder builder() {
    return builderFor(baseUrl());
  }

  /** Like {@link #builder()}, pointing at {@code url} instead. */
  HappyFoxClient.Builder builderFor(String url) {
    return HappyFoxClient.builder()
        .baseUrl(url)
        .allowInsecureHttpForLoopback()
        .credentials(API_KEY, AUTH_CODE)
        .rateLimits(RateLimits.unlimited())
        .clock(clock)
        .ticker(clock.ticker())
        .sleeper(sleeper)
        .random(() -> 1.0)
        .logger(logLines::add, LogLevel.HEADERS);
  }

  HappyFoxClient client() {
    if (client == null) {
      client = builder().build();
    }
    return client;
  }

  /** Uses {@code custom} instead of the default client; it is closed after the test. */
  HappyFoxClient use(HappyFoxClient custom) {
    if (client != null) {
      client.close();
    }
    client = custom;
    return custom;
  }

  Transport transport() {
    return client().transport();
  }

  TestApi api() {
    return transport().retrofit(new Moshi.Builder().build()).create(TestApi.class);
  }

  /** {@code GET users/?size=50&page=1} through the transport. */
  Map<String, Object> listUsers() {
    return transport().execute(api().list(50, 1));
  }

  /** {@code POST users/} of {@code {"name":"Ann"}} through the transport. */
  Map<String, Object> createAnn() {
    return transport().execute(api().create(Map.of("name", "Ann")));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  void enqueueJson(int code, String body) {
    server.enqueue(json(code, body));
  }

  void enqueueFixture(String name) {
    server.enqueue(json(200, Fixtures.read(name)));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
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

  /** A loopback port that nothing listens on (until a test starts something there). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
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

  /** Asserts a JSON POST to {@code path} (relative to the API base) and returns its body. */
  static String postedBody(RecordedRequest request, String path) {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo(API + path);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    return request.getBody().readUtf8();
  }

  /** Asserts a JSON POST to {@code path} whose body equals {@code expectedJson} as JSON. */
  static String assertPost(RecordedRequest request, String path, String expectedJson) {
    String body = postedBody(request, path);
    assertThat(parse(body)).as("body of POST %s: %s", path, body).isEqualTo(parse(expectedJson));
    return body;
  }
}
